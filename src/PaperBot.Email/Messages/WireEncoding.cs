using MimeKit;
using MimeKit.IO;
using MimeKit.IO.Filters;

namespace PaperBot.Email.Messages;

/// <summary>
/// Gives every part a 7-bit transfer encoding (what is signed is what arrives, whatever the relays support) and
/// encodes it once. MimeKit otherwise re-encodes a part each time the message is written, and a digest is written
/// four times: the size check, DKIM, MailKit's SIZE probe and the send itself.
/// </summary>
public static class WireEncoding
{
    public static void EncodeOnce(MimeMessage message)
    {
        message.Prepare(EncodingConstraint.SevenBit);
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            var encoding = part.ContentTransferEncoding;
            if (part.Content is null || part.Content.Encoding == encoding) continue;
            var encoded = new MemoryBlockStream();
            using (var filtered = new FilteredStream(encoded))
            {
                filtered.Add(EncoderFilter.Create(encoding));
                part.Content.DecodeTo(filtered);
                filtered.Flush();
            }
            encoded.Position = 0;
            part.Content = new MimeContent(encoded, encoding);
        }
    }
}
