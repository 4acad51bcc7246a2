using System.Runtime.InteropServices;
using PaperBot.Core.Queries;

namespace PaperBot.Core.Matching;

public sealed partial class SubscriptionIndex
{
    private const int ParseChunk = 1024;

    /// <summary>
    /// Builds an index from (id, query text) pairs, parsing on all cores. Queries that do not parse are left out and
    /// returned in <paramref name="rejected"/> (a stored subscription should never be invalid, but a newer parser may be stricter).
    /// </summary>
    public static SubscriptionIndex Build(IReadOnlyList<(string Id, string Query)> subscriptions, out IReadOnlyList<(string Id, QueryError Error)> rejected)
    {
        var index = new SubscriptionIndex(subscriptions.Count);
        var errors = new List<(string, QueryError)>();
        var code = new List<int>(subscriptions.Count * 4);
        var keys = new List<int>(subscriptions.Count * 2);
        var codeStart = new int[subscriptions.Count];
        var keyStart = new int[subscriptions.Count + 1];
        var filters = new int[subscriptions.Count];
        var order = new List<long>(subscriptions.Count); // first anchor key << 32 | item: a primitive, deterministic sort
        // Parse a chunk on all cores, compile it on this one (atoms are not thread-safe), and let the chunk's
        // trees die young: holding a million parsed trees at once costs more in GC than parsing them.
        var chunk = new QueryParseResult[Math.Min(subscriptions.Count, ParseChunk)];
        for (var offset = 0; offset < subscriptions.Count; offset += chunk.Length)
        {
            var count = Math.Min(chunk.Length, subscriptions.Count - offset);
            Parallel.For(0, count, i => chunk[i] = QueryParser.Parse(subscriptions[offset + i].Query));
            for (var i = 0; i < count; i++)
            {
                var item = offset + i;
                codeStart[item] = code.Count;
                keyStart[item] = keys.Count;
                if (!chunk[i].IsSuccess)
                {
                    errors.Add((subscriptions[item].Id, chunk[i].Error!));
                    continue;
                }
                QueryCompiler.Compile(chunk[i].Query!.Root, index._atoms, code);
                filters[item] = AnchorSelector.Select(CollectionsMarshal.AsSpan(code)[codeStart[item]..], index._atoms, keys);
                order.Add(((long)keys[keyStart[item]] << 32) | (uint)item);
            }
        }
        keyStart[^1] = keys.Count;
        // Slots in anchor order: a posting list then walks neighbouring slots and programs, which keeps the
        // verification of its candidates in cache instead of one memory miss per candidate.
        order.Sort();
        foreach (var entry in order)
        {
            var item = (int)(entry & uint.MaxValue);
            var end = item + 1 < codeStart.Length ? codeStart[item + 1] : code.Count;
            index.AddCompiled(subscriptions[item].Id, subscriptions[item].Query,
                CollectionsMarshal.AsSpan(code)[codeStart[item]..end], CollectionsMarshal.AsSpan(keys)[keyStart[item]..keyStart[item + 1]], filters[item]);
        }
        rejected = errors;
        return index;
    }
}
