using System.Buffers;
using System.Text;

namespace PaperBot.Email.Messages;

/// <summary>
/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text, written with CRLF line ends: the wire form, so a message is encoded
/// once and then only copied. The caller carries the output column, so text can be encoded in pieces (a digest's frame
/// and its cached papers) and still keep every line within 76 characters.
/// </summary>
public static class QuotedPrintable
{
    /// <summary>Characters before a soft line break; with the '=' a line is at most 76.</summary>
    private const int MaxColumn = 75;

    private static readonly SearchValues<byte> Literal = SearchValues.Create(
        [.. Enumerable.Range(33, 94).Where(b => b != '=').Select(b => (byte)b), (byte)' ']);

    /// <summary>Input per step: each step asks the output for room for the worst case (4 bytes per input byte), so a
    /// writer sized for the text plus <see cref="StepRoom"/> never grows.</summary>
    private const int Chunk = 1024;

    /// <summary>The most one step asks the output for.</summary>
    public const int StepRoom = Chunk * 4 + 16;

    /// <summary>Encodes text as UTF-8, through a pooled buffer: a digest's frame is encoded for every message.</summary>
    public static void Encode(ReadOnlySpan<char> text, ref int column, IBufferWriter<byte> output, bool endsLine = true)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            Encode(utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, utf8)), ref column, output, endsLine);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <param name="column">Where the output line stands; updated.</param>
    /// <param name="endsLine">The input is followed by a line end or the end of the text, so a final space is encoded.</param>
    public static void Encode(ReadOnlySpan<byte> input, ref int column, IBufferWriter<byte> output, bool endsLine = true)
    {
        while (input.Length > 0)
        {
            var take = Math.Min(input.Length, Chunk);
            if (take < input.Length && input[take - 1] == '\r') take++;
            var next = take < input.Length ? input[take] : endsLine ? '\n' : -1;
            EncodeChunk(input[..take], next, ref column, output);
            input = input[take..];
        }
    }

    /// <param name="next">The byte after the chunk; '\n' at the end of a line, -1 when unknown (more text follows).</param>
    private static void EncodeChunk(ReadOnlySpan<byte> input, int next, ref int column, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(input.Length * 4 + 16);
        var at = 0;
        var i = 0;
        while (i < input.Length)
        {
            var run = input[i..].IndexOfAnyExcept(Literal);
            if (run < 0) run = input.Length - i;
            // A space is literal unless it ends a line.
            var runEnd = i + run;
            if (run > 0 && input[runEnd - 1] == ' ' && (runEnd == input.Length ? next : input[runEnd]) is '\n' or '\r')
                run--;
            while (run > 0)
            {
                if (column == MaxColumn) SoftBreak(span, ref at, ref column);
                var take = Math.Min(run, MaxColumn - column);
                input.Slice(i, take).CopyTo(span[at..]);
                at += take;
                column += take;
                i += take;
                run -= take;
            }
            if (i == input.Length) break;
            var b = input[i++];
            if (b == '\n' || (b == '\r' && i < input.Length && input[i] == '\n'))
            {
                if (b == '\r') i++;
                span[at++] = (byte)'\r';
                span[at++] = (byte)'\n';
                column = 0;
                continue;
            }
            if (column + 3 > MaxColumn) SoftBreak(span, ref at, ref column);
            span[at++] = (byte)'=';
            span[at++] = Hex[b >> 4];
            span[at++] = Hex[b & 0xF];
            column += 3;
        }
        output.Advance(at);
    }

    /// <summary>Makes room for <paramref name="width"/> literal characters on the current line (for text filled in later).</summary>
    public static void Reserve(int width, ref int column, IBufferWriter<byte> output)
    {
        if (column + width <= MaxColumn) return;
        var span = output.GetSpan(3);
        var at = 0;
        SoftBreak(span, ref at, ref column);
        output.Advance(at);
    }

    /// <summary>Ends the current output line with a hard break unless it is empty.</summary>
    public static void EndLine(ref int column, IBufferWriter<byte> output)
    {
        if (column == 0) return;
        output.Write("\r\n"u8);
        column = 0;
    }

    private static void SoftBreak(Span<byte> span, ref int at, ref int column)
    {
        span[at++] = (byte)'=';
        span[at++] = (byte)'\r';
        span[at++] = (byte)'\n';
        column = 0;
    }

    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;
}
