using MimeKit;

namespace PaperBot.Email.Messages;

/// <summary>
/// A UTF-8 text part whose quoted-printable wire form (CRLF lines, each within 76 characters, so 7-bit and safe for any
/// relay and for DKIM) is computed once by <see cref="QuotedPrintable"/>. MimeKit would otherwise scan it on
/// <c>Prepare</c>, and filter it for line ends on each of the size check, DKIM's body hash and the send; here those
/// writes copy the bytes. Reading it (<c>Text</c>) and writing it in other line-end formats work as for any part.
/// </summary>
public sealed class EncodedTextPart : TextPart
{
    private readonly byte[] _wire;

    public EncodedTextPart(string subtype, byte[] wire) : base(subtype)
    {
        _wire = wire;
        ContentType.Charset = "utf-8";
        ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        Content = new MimeContent(new MemoryStream(wire, writable: false), ContentEncoding.QuotedPrintable) { NewLineFormat = NewLineFormat.Dos };
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
        stream.Write(_wire);
    }

    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (options.NewLineFormat != NewLineFormat.Dos)
        {
            await base.WriteToAsync(options, stream, contentOnly, cancellationToken);
            return;
        }
        if (!contentOnly) await Headers.WriteToAsync(options, stream, cancellationToken);
        await stream.WriteAsync(_wire, cancellationToken);
    }

    /// <summary>Encodes a whole text (a confirmation mail, or a digest whose template prints no paper fragments).</summary>
    public static EncodedTextPart FromText(string subtype, string text)
    {
        var writer = Scratch.Writer();
        var column = 0;
        QuotedPrintable.Encode(System.Text.Encoding.UTF8.GetBytes(text), ref column, writer);
        return new EncodedTextPart(subtype, writer.WrittenSpan.ToArray());
    }
}

/// <summary>A per-thread buffer to assemble a part in, copied out at its exact size.</summary>
internal static class Scratch
{
    [ThreadStatic] private static System.Buffers.ArrayBufferWriter<byte>? _writer;

    public static System.Buffers.ArrayBufferWriter<byte> Writer()
    {
        var writer = _writer ??= new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        writer.ResetWrittenCount();
        return writer;
    }
}
