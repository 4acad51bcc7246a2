using System.Text;
using MimeKit;

namespace PaperBot.Email.Messages;

/// <summary>
/// A UTF-8 text part whose quoted-printable wire form (CRLF lines, each within 76 characters, so 7-bit and safe for any
/// relay and for DKIM) is computed once by <see cref="QuotedPrintable"/>, held as pieces: a digest's frame and the
/// shared, already encoded papers (<see cref="PaperFragment"/>), never copied into one buffer. MimeKit would
/// otherwise scan the part on <c>Prepare</c> and filter it for line ends on each of the size check, DKIM's body hash
/// and the send; here those writes copy the pieces. Reading it (<c>Text</c>) and writing it with other line ends work
/// as for any part.
/// </summary>
public sealed class EncodedTextPart : TextPart
{
    private readonly IReadOnlyList<ReadOnlyMemory<byte>> _wire;

    public EncodedTextPart(string subtype, IReadOnlyList<ReadOnlyMemory<byte>> wire) : base(subtype)
    {
        _wire = wire;
        ContentType.Charset = "utf-8";
        ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        Content = new MimeContent(new SegmentStream(wire), ContentEncoding.QuotedPrintable) { NewLineFormat = NewLineFormat.Dos };
    }

    /// <summary>Quoted-printable fits every constraint: nothing to choose.</summary>
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
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var piece in _wire) stream.Write(piece.Span);
    }

    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (options.NewLineFormat != NewLineFormat.Dos)
        {
            await base.WriteToAsync(options, stream, contentOnly, cancellationToken);
            return;
        }
        if (!contentOnly) await Headers.WriteToAsync(options, stream, cancellationToken);
        foreach (var piece in _wire) await stream.WriteAsync(piece, cancellationToken);
    }

    /// <summary>Encodes a whole text (a confirmation mail, or a digest whose template prints no paper fragments).</summary>
    public static EncodedTextPart FromText(string subtype, string text)
    {
        var writer = new System.Buffers.ArrayBufferWriter<byte>(text.Length + text.Length / 8 + 64);
        var column = 0;
        QuotedPrintable.Encode(Encoding.UTF8.GetBytes(text), ref column, writer);
        return new EncodedTextPart(subtype, [writer.WrittenMemory]);
    }
}
