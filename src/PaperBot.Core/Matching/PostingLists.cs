namespace PaperBot.Core.Matching;

/// <summary>
/// Postings filed under each posting key (atom × 4 + field slot): pairs of (subscription slot, flagged when the anchor
/// alone decides the match; pre-filter from <see cref="AnchorSelector"/>), one int array per key grown by doubling,
/// so a key's candidates are contiguous for the scan.
/// </summary>
internal sealed class PostingLists
{
    private int[]?[] _lists = [];
    private int[] _counts = [];

    /// <summary>Gives an empty key a list of exactly <paramref name="postings"/> pairs (a bulk build knows the counts).</summary>
    public void Reserve(int key, int postings)
    {
        EnsureKey(key);
        _lists[key] ??= new int[Math.Max(2, postings) * 2];
    }

    public void Add(int key, int posting, int filter)
    {
        EnsureKey(key);
        var list = _lists[key] ??= new int[4];
        if (_counts[key] == list.Length) Array.Resize(ref _lists[key], list.Length * 2);
        _lists[key]![_counts[key]++] = posting;
        _lists[key]![_counts[key]++] = filter;
    }

    private void EnsureKey(int key)
    {
        if (key < _lists.Length) return;
        var size = Math.Max(key + 1, _lists.Length * 2);
        Array.Resize(ref _lists, size);
        Array.Resize(ref _counts, size);
    }

    public void Remove(int key, int posting)
    {
        var list = _lists[key]!;
        var count = _counts[key];
        var at = 0;
        while (list[at] != posting) at += 2;
        list[at] = list[count - 2];
        list[at + 1] = list[count - 1];
        _counts[key] = count - 2;
    }

    /// <summary>The key's (posting, filter) pairs, flattened.</summary>
    public ReadOnlySpan<int> Get(int key) =>
        key < _lists.Length && _lists[key] is { } list ? list.AsSpan(0, _counts[key]) : default;
}
