namespace PaperBot.Core.Matching;

/// <summary>
/// Subscription slots filed under each posting key (atom × 4 + field slot): one int array per key, grown by doubling,
/// so memory is about 4 bytes per anchor plus slack, and a key's slots are contiguous for the candidate scan.
/// </summary>
internal sealed class PostingLists
{
    private int[]?[] _lists = [];
    private int[] _counts = [];

    public void Add(int key, int slot)
    {
        if (key >= _lists.Length)
        {
            var size = Math.Max(key + 1, _lists.Length * 2);
            Array.Resize(ref _lists, size);
            Array.Resize(ref _counts, size);
        }
        var list = _lists[key] ??= new int[2];
        if (_counts[key] == list.Length) Array.Resize(ref _lists[key], list.Length * 2);
        _lists[key]![_counts[key]++] = slot;
    }

    public void Remove(int key, int slot)
    {
        var list = _lists[key]!;
        var count = _counts[key];
        var at = Array.IndexOf(list, slot, 0, count);
        list[at] = list[count - 1];
        _counts[key] = count - 1;
    }

    public ReadOnlySpan<int> Get(int key) =>
        key < _lists.Length && _lists[key] is { } list ? list.AsSpan(0, _counts[key]) : default;
}
