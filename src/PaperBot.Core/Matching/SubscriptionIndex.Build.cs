using System.Runtime.InteropServices;
using PaperBot.Core.Queries;

namespace PaperBot.Core.Matching;

public sealed partial class SubscriptionIndex
{
    private const int ParseChunkSize = 1024;

    /// <summary>
    /// Builds an index from (id, query text) pairs on all cores. When an id appears twice the later entry wins.
    /// Queries that do not parse are left out and returned in <paramref name="rejected"/> (a stored subscription should
    /// never be invalid, but a newer parser may be stricter).
    /// </summary>
    public static SubscriptionIndex Build(IReadOnlyList<(string Id, string Query)> subscriptions, out IReadOnlyList<(string Id, QueryError Error)> rejected)
    {
        var count = subscriptions.Count;
        var index = new SubscriptionIndex(count, new Dictionary<string, int>(StringComparer.Ordinal));
        // The id map is built on another core while this one compiles; it first says which entry of an id is the last.
        var lastEntry = Task.Run(() => LastEntryById(subscriptions));

        var code = new List<int>(count * 4);
        var keys = new List<int>(count * 2);
        var codeStart = new int[count + 1];
        var keyStart = new int[count + 1];
        var filters = new int[count];
        var errors = new QueryError?[count];
        // Parsing runs a chunk ahead on another core while this one compiles (atoms are not thread-safe) and then
        // helps finish it; chunks keep parse trees short-lived: holding a million at once costs more in GC than parsing.
        var current = new ParseChunk(subscriptions, 0, Math.Min(count, ParseChunkSize));
        current.Work();
        while (current.Size > 0)
        {
            var next = new ParseChunk(subscriptions, current.From + current.Size, Math.Min(count, current.From + current.Size + ParseChunkSize));
            var helper = next.Size > 0 ? Task.Run(next.Work) : Task.CompletedTask;
            for (var i = 0; i < current.Size; i++)
            {
                var item = current.From + i;
                var parsed = current.Results[i];
                codeStart[item] = code.Count;
                keyStart[item] = keys.Count;
                if (!parsed.IsSuccess)
                {
                    errors[item] = parsed.Error;
                    continue;
                }
                QueryCompiler.Compile(parsed.Query.Root, index._atoms, code);
                filters[item] = AnchorSelector.Select(CollectionsMarshal.AsSpan(code)[codeStart[item]..], index._atoms, keys);
            }
            next.Work();
            helper.Wait();
            current = next;
        }
        codeStart[^1] = code.Count;
        keyStart[^1] = keys.Count;

        var (slotById, isLast) = lastEntry.Result;
        var rejects = new List<(string, QueryError)>();
        var sortKeys = new List<int>(count);
        var programs = new List<Compiled>(count);
        for (var item = 0; item < count; item++)
        {
            var id = subscriptions[item].Id;
            if (errors[item] is { } error)
            {
                rejects.Add((id, error));
                if (isLast[item]) slotById.Remove(id);
            }
            else if (isLast[item])
            {
                sortKeys.Add(keys[keyStart[item]]);
                programs.Add(new Compiled(item, codeStart[item], codeStart[item + 1], keyStart[item], keyStart[item + 1], filters[item]));
            }
        }
        // Slots in anchor order: a posting list then walks neighbouring slots and programs, which keeps the
        // verification of its candidates in cache instead of one memory miss per candidate (3x faster matching).
        // Sorting the program records with the keys keeps the loop below sequential too.
        var ordered = programs.ToArray();
        Array.Sort(sortKeys.ToArray(), ordered);

        var ids = Task.Run(() =>
        {
            for (var slot = 0; slot < ordered.Length; slot++)
                CollectionsMarshal.GetValueRefOrNullRef(slotById, subscriptions[ordered[slot].Item].Id) = slot;
        });
        foreach (var p in ordered)
        {
            var (id, text) = subscriptions[p.Item];
            index.Place(id, text, CollectionsMarshal.AsSpan(code)[p.CodeStart..p.CodeEnd], CollectionsMarshal.AsSpan(keys)[p.KeyStart..p.KeyEnd], p.Filter);
        }
        ids.Wait();
        index._slotById = slotById;
        rejected = rejects;
        return index;
    }

    // Entries [From, From + Size) parsed by whichever threads call Work, each taking the next unparsed entry.
    private sealed class ParseChunk(IReadOnlyList<(string Id, string Query)> subscriptions, int from, int to)
    {
        private int _next = -1;

        public int From => from;
        public int Size => to - from;
        public QueryParseResult[] Results { get; } = new QueryParseResult[Math.Max(0, to - from)];

        public void Work()
        {
            int i;
            while ((i = Interlocked.Increment(ref _next)) < Results.Length)
                Results[i] = QueryParser.Parse(subscriptions[from + i].Query);
        }
    }

    private readonly record struct Compiled(int Item, int CodeStart, int CodeEnd, int KeyStart, int KeyEnd, int Filter);

    // Maps each id to its last entry, and flags those entries (a sequential array beats a lookup per entry later).
    private static (Dictionary<string, int> Map, bool[] IsLast) LastEntryById(IReadOnlyList<(string Id, string Query)> subscriptions)
    {
        var last = new Dictionary<string, int>(subscriptions.Count, StringComparer.Ordinal);
        for (var item = 0; item < subscriptions.Count; item++) last[subscriptions[item].Id] = item;
        var isLast = new bool[subscriptions.Count];
        foreach (var item in last.Values) isLast[item] = true;
        return (last, isLast);
    }
}
