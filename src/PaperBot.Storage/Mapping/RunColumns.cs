using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;

namespace PaperBot.Storage.Mapping;

/// <summary>One matched paper of a run, as enqueue writes it: the paper, why it matched and how well.</summary>
internal readonly record struct RunEntry(PaperId Paper, IReadOnlyList<MatchHit> Why, double Score);

/// <summary>
/// A run's papers, reasons and scores in one binary value (schema 10): a day writes ~900k items at 100k
/// subscriptions, and one BSON value per paper, score and reason dominated both writing and reading them back.
/// Layout, counts as 7-bit varints and strings as varint-prefixed UTF-8: the reasons table (count, then field and
/// text of each), then the items (count, then per item its paper id, score as a little-endian double, its reason
/// count and the reasons' table indexes).
/// </summary>
internal static class RunColumns
{
    public static byte[] Encode(IReadOnlyList<RunEntry> entries)
    {
        var hits = new Dictionary<MatchHit, int>();
        var table = new List<MatchHit>();
        foreach (var e in entries)
        {
            foreach (var h in e.Why)
                if (hits.TryAdd(h, table.Count)) table.Add(h);
        }
        var writer = new ArrayBufferWriter<byte>(64 + entries.Count * 24);
        WriteCount(writer, table.Count);
        foreach (var h in table)
        {
            WriteString(writer, h.Field);
            WriteString(writer, h.Text);
        }
        WriteCount(writer, entries.Count);
        foreach (var e in entries)
        {
            WriteString(writer, e.Paper.Value);
            BinaryPrimitives.WriteDoubleLittleEndian(writer.GetSpan(8), e.Score);
            writer.Advance(8);
            WriteCount(writer, e.Why.Count);
            foreach (var h in e.Why) WriteCount(writer, hits[h]);
        }
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>The entries of an encoded run; <paramref name="shared"/> shares ids and reasons across the runs of a read.</summary>
    public static RunEntry[] Decode(ReadOnlySpan<byte> data, RunReadCache shared)
    {
        var at = 0;
        var table = new MatchHit[ReadCount(data, ref at)];
        for (var k = 0; k < table.Length; k++) table[k] = shared.Hit(ReadBytes(data, ref at), ReadBytes(data, ref at));
        var entries = new RunEntry[ReadCount(data, ref at)];
        for (var k = 0; k < entries.Length; k++)
        {
            var paper = shared.Paper(ReadBytes(data, ref at));
            var score = BinaryPrimitives.ReadDoubleLittleEndian(data[at..]);
            at += 8;
            var why = new MatchHit[ReadCount(data, ref at)];
            for (var r = 0; r < why.Length; r++) why[r] = table[ReadCount(data, ref at)];
            entries[k] = new RunEntry(paper, why, score);
        }
        return entries;
    }

    private static void WriteCount(ArrayBufferWriter<byte> writer, int value)
    {
        var span = writer.GetSpan(5);
        var n = 0;
        var v = (uint)value;
        for (; v >= 0x80; v >>= 7) span[n++] = (byte)(v | 0x80);
        span[n++] = (byte)v;
        writer.Advance(n);
    }

    private static void WriteString(ArrayBufferWriter<byte> writer, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteCount(writer, length);
        Encoding.UTF8.GetBytes(value, writer.GetSpan(length));
        writer.Advance(length);
    }

    private static int ReadCount(ReadOnlySpan<byte> data, ref int at)
    {
        var value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[at++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }

    private static ReadOnlySpan<byte> ReadBytes(ReadOnlySpan<byte> data, ref int at)
    {
        var length = ReadCount(data, ref at);
        var bytes = data.Slice(at, length);
        at += length;
        return bytes;
    }

}

/// <summary>
/// What the runs of one read share: each distinct paper id is parsed once and each distinct reason built once, so
/// reading a day's ~900k items allocates a few thousand ids and reasons, not one per item (which kept the collector busy).
/// </summary>
internal sealed class RunReadCache
{
    private readonly Dictionary<string, PaperId> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PaperId>.AlternateLookup<ReadOnlySpan<char>> _idsBySpan;
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _textsBySpan;
    private readonly Dictionary<(string Field, string Text), MatchHit> _hits = [];

    public RunReadCache()
    {
        _idsBySpan = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _textsBySpan = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public PaperId Paper(ReadOnlySpan<byte> utf8)
    {
        var text = Text(utf8);
        if (!_ids.TryGetValue(text, out var id)) _ids[text] = id = PaperId.Parse(text);
        return id;
    }

    public MatchHit Hit(ReadOnlySpan<byte> field, ReadOnlySpan<byte> text)
    {
        var key = (Text(field), Text(text));
        if (!_hits.TryGetValue(key, out var hit)) _hits[key] = hit = new MatchHit(key.Item1, key.Item2);
        return hit;
    }

    /// <summary>The string of these UTF-8 bytes, the same instance each time they recur.</summary>
    private string Text(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= 256)
        {
            Span<char> chars = stackalloc char[utf8.Length];
            var n = Encoding.UTF8.GetChars(utf8, chars);
            if (_textsBySpan.TryGetValue(chars[..n], out var known)) return known;
        }
        var text = Encoding.UTF8.GetString(utf8);
        return _texts.TryAdd(text, text) ? text : _texts[text];
    }
}
