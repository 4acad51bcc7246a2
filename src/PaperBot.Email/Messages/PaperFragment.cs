using System.Buffers;
using System.Globalization;
using System.Text;

namespace PaperBot.Email.Messages;

/// <summary>
/// One paper rendered by a paper template and encoded for the wire once, for every digest that shows it. It starts and
/// ends a line, so it joins any digest's quoted-printable text as is; its number is left as room on the line
/// (<see cref="NumberWidth"/> characters) and written per digest.
/// </summary>
internal sealed class PaperFragment
{
    /// <summary>Room for the number: digests hold at most 100 papers (<c>Delivery:MaxItemsPerDigest</c>).</summary>
    private const int NumberWidth = 4;

    private readonly byte[] _wire;
    private readonly int[] _numberAt;

    private PaperFragment(byte[] wire, int[] numberAt, int textBytes)
    {
        _wire = wire;
        _numberAt = numberAt;
        TextBytes = textBytes;
    }

    /// <summary>The UTF-8 size of the text it encodes, without the numbers.</summary>
    public int TextBytes { get; }

    /// <param name="rendered">The template's output, with <paramref name="numberSlot"/> where it prints the number.</param>
    public static PaperFragment Encode(string rendered, string numberSlot)
    {
        var writer = new ArrayBufferWriter<byte>(rendered.Length + rendered.Length / 8 + QuotedPrintable.StepRoom);
        var numberAt = new List<int>(1);
        var column = 0;
        var textBytes = 0;
        var rest = rendered.AsSpan();
        while (true)
        {
            var slot = rest.IndexOf(numberSlot, StringComparison.Ordinal);
            var piece = slot < 0 ? rest : rest[..slot];
            QuotedPrintable.Encode(piece, ref column, writer, endsLine: slot < 0);
            textBytes += Encoding.UTF8.GetByteCount(piece);
            if (slot < 0) break;
            QuotedPrintable.Reserve(NumberWidth, ref column, writer);
            numberAt.Add(writer.WrittenCount);
            column += NumberWidth;
            rest = rest[(slot + numberSlot.Length)..];
        }
        QuotedPrintable.EndLine(ref column, writer);
        return new PaperFragment(writer.WrittenSpan.ToArray(), [.. numberAt], textBytes);
    }

    /// <summary>Adds the fragment's pieces, and its number where the template printed it.</summary>
    public void AddTo(List<ReadOnlyMemory<byte>> pieces, int number)
    {
        var at = 0;
        foreach (var slot in _numberAt)
        {
            pieces.Add(_wire.AsMemory(at, slot - at));
            pieces.Add(Digits(number));
            at = slot;
        }
        pieces.Add(_wire.AsMemory(at));
    }

    private static readonly byte[][] Small = [.. Enumerable.Range(0, 1000).Select(n => Encoding.ASCII.GetBytes(n.ToString(CultureInfo.InvariantCulture)))];

    private static byte[] Digits(int number) =>
        number is >= 0 and < 1000 ? Small[number] : Encoding.ASCII.GetBytes(number.ToString(CultureInfo.InvariantCulture));
}
