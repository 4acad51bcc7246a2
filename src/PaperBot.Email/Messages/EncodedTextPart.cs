using System.Buffers;
using System.Text;
using MimeKit;
using MimeKit.Encodings;

namespace PaperBot.Email.Messages;

/// <summary>
/// A UTF-8 text part whose quoted-printable wire form (CRLF lines, each within 76 characters, so 7-bit and safe for any
/// relay and for DKIM) is computed once by <see cref="QuotedPrintable"/>, held as pieces: a digest's frame and the
/// shared, already encoded papers (<see cref="PaperFragment"/>), never copied into one buffer. MimeKit would
/// otherwise scan the part on <c>Prepare</c> and filter it for line ends on each of the size check, DKIM's body hash
/// and the send; here those writes copy the pieces. Reading it (<c>Text</c>) and writing it with other line ends work
/// as for any part. Text that is mostly outside ASCII (Chinese, say) goes as base64 instead (<see cref="Smallest"/>).
/// </summary>
public sealed class EncodedTextPart : TextPart
{
    /// <summary>The pieces (a paper's fragment splits around its number) go out gathered in writes of this size: each
    /// write passes through MailKit's or DKIM's filters, which cost per call, and MailKit's dot-stuffing filter, new for
    /// each message, allocates an output buffer as large as a write (16 KB writes cost ~6 KB more per message).</summary>
    private const int WriteSize = 4 * 1024;

    private readonly IReadOnlyList<ReadOnlyMemory<byte>> _wire;

    /// <summary>Quoted-printable spends 9 bytes on a CJK character (3 escaped bytes) where base64 spends 4: beyond this
    /// ratio to the base64 size, a part goes as base64, and a digest under the size cap keeps more of its papers.</summary>
    private const double Base64Beyond = 1.1;

    public EncodedTextPart(string subtype, IReadOnlyList<ReadOnlyMemory<byte>> wire, ContentEncoding encoding = ContentEncoding.QuotedPrintable)
        : base(subtype)
    {
        _wire = wire;
        ContentType.Charset = "utf-8";
        ContentTransferEncoding = encoding;
        Content = new MimeContent(new SegmentStream(wire), encoding) { NewLineFormat = NewLineFormat.Dos };
    }

    /// <summary>The quoted-printable pieces as they are, or re-encoded as base64 when that is clearly smaller.</summary>
    /// <param name="textBytes">The UTF-8 size of the text the pieces encode.</param>
    public static EncodedTextPart Smallest(string subtype, IReadOnlyList<ReadOnlyMemory<byte>> quotedPrintable, long textBytes)
    {
        var encoded = quotedPrintable.Sum(p => (long)p.Length);
        var base64 = (textBytes + 2) / 3 * 4;
        if (encoded <= (base64 + base64 / 76 * 2) * Base64Beyond) return new EncodedTextPart(subtype, quotedPrintable);

        var wire = new byte[encoded];
        var at = 0;
        foreach (var piece in quotedPrintable)
        {
            piece.Span.CopyTo(wire.AsSpan(at));
            at += piece.Length;
        }
        var decoder = new QuotedPrintableDecoder();
        var text = new byte[decoder.EstimateOutputLength(wire.Length)];
        var length = decoder.Decode(wire, 0, wire.Length, text);
        var lines = Convert.ToBase64String(text, 0, length, Base64FormattingOptions.InsertLineBreaks) + "\r\n";
        return new EncodedTextPart(subtype, [Encoding.ASCII.GetBytes(lines)], ContentEncoding.Base64);
    }

    /// <summary>The wire form fits every constraint (7-bit, short lines): nothing to choose.</summary>
    public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78)
    {
    }

    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (options.NewLineFormat != NewLineFormat.Dos)
        {
            base.WriteTo(options, stream, contentOnly, cancellationToken);
            return;
        }
        if (!contentOnly) Headers.WriteTo(options, stream, cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(WriteSize);
        try
        {
            foreach (var chunk in Gathered(buffer))
            {
                cancellationToken.ThrowIfCancellationRequested();
                stream.Write(chunk.Span);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (options.NewLineFormat != NewLineFormat.Dos)
        {
            await base.WriteToAsync(options, stream, contentOnly, cancellationToken);
            return;
        }
        if (!contentOnly) await Headers.WriteToAsync(options, stream, cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(WriteSize);
        try
        {
            foreach (var chunk in Gathered(buffer)) await stream.WriteAsync(chunk, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The pieces copied into <paramref name="buffer"/>, handed out each time it is full and at the end.</summary>
    private IEnumerable<ReadOnlyMemory<byte>> Gathered(byte[] buffer)
    {
        var filled = 0;
        foreach (var piece in _wire)
        {
            for (var rest = piece; rest.Length > 0;)
            {
                var n = Math.Min(rest.Length, buffer.Length - filled);
                rest[..n].CopyTo(buffer.AsMemory(filled));
                rest = rest[n..];
                filled += n;
                if (filled < buffer.Length) continue;
                yield return buffer.AsMemory(0, filled);
                filled = 0;
            }
        }
        if (filled > 0) yield return buffer.AsMemory(0, filled);
    }

    /// <summary>Encodes a whole text (a confirmation mail, or a digest whose template prints no paper fragments).</summary>
    public static EncodedTextPart FromText(string subtype, string text)
    {
        var writer = new ArrayBufferWriter<byte>(text.Length + text.Length / 8 + QuotedPrintable.StepRoom);
        var column = 0;
        QuotedPrintable.Encode(text, ref column, writer);
        return Smallest(subtype, [writer.WrittenMemory], Encoding.UTF8.GetByteCount(text));
    }
}
