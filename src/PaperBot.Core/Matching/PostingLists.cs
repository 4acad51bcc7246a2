namespace PaperBot.Core.Matching;

/// <summary>
/// Postings (subscription slots, flagged when the anchor alone decides the match) filed under each posting key (atom × 4 + field slot): one int array per key, grown by doubling,
/// so memory is about 4 bytes per anchor plus slack, and a key's postings are contiguous for the candidate scan.
/// </summary>
internal sealed class PostingLists
{
    private int[]?[] _lists = [];
    private int[] _counts = [];

    public void Add(int key, int posting)
    {
        if (key >= _lists.Length)
        {
            var size = Math.Max(key + 1, _lists.Length * 2);
            Array.Resize(ref _lists, size);
            Array.Resize(ref _counts, size);
        }
        var list = _lists[key] ??= new int[2];
        if (_counts[key] == list.Length) Array.Resize(ref _lists[key], list.Length * 2);
        _lists[key]![_counts[key]++] = posting;
    }

    public void Remove(int key, int posting)
    {
        var list = _lists[key]!;
        var count = _counts[key];
        var at = Array.IndexOf(list, posting, 0, count);
        list[at] = list[count - 1];
        _counts[key] = count - 1;
    }

    public ReadOnlySpan<int> Get(int key) =>
        key < _lists.Length && _lists[key] is { } list ? list.AsSpan(0, _counts[key]) : default;
}
