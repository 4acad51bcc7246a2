using MimeKit;

namespace PaperBot.Email.Pickup;

/// <summary>
/// The embedded default transport: each message becomes an <c>.eml</c> file in the pickup folder. Written to a
/// temporary name and renamed, so a reader never sees half a message; the file name comes from the Message-ID,
/// so writing the same digest twice leaves one file.
/// </summary>
public sealed class PickupDirectoryWriter(string directory)
{
    public string Write(MimeMessage message)
    {
        Directory.CreateDirectory(directory);
        var name = string.Concat((message.MessageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId()).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')) + ".eml";
        var path = Path.Combine(directory, name);
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        {
            message.WriteTo(stream);
        }
        File.Move(temp, path, overwrite: true);
        return path;
    }
}
