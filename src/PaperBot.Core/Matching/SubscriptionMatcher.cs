using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Matching;

/// <summary>
/// Matches new papers against every active subscription: the <see cref="SubscriptionIndex"/> finds who matches, and
/// <see cref="QueryEvaluator"/> explains each match (hits and score). Loaded from the store on construction; call
/// <see cref="Upsert"/> / <see cref="Remove"/> when a subscription changes, or <see cref="Reload"/> to start over.
/// </summary>
public sealed class SubscriptionMatcher : IPaperMatcher
{
    private readonly ISubscriptionStore _store;
    private readonly Lock _writes = new();
    private volatile SubscriptionIndex _index;

    public SubscriptionMatcher(ISubscriptionStore store)
    {
        _store = store;
        _index = Load(out var rejected);
        Rejected = rejected;
    }

    /// <summary>Stored active subscriptions whose query no longer parses (left out of matching), from the last load.</summary>
    public IReadOnlyList<(string Id, QueryError Error)> Rejected { get; private set; }

    public int Count => _index.Count;

    /// <summary>Rebuilds the index from the store; matching continues on the old index until the new one is ready.</summary>
    public void Reload()
    {
        lock (_writes)
        {
            _index = Load(out var rejected);
            Rejected = rejected;
        }
    }

    /// <summary>Indexes an added or changed subscription (or drops it when inactive). Returns the query's error, if any.</summary>
    public QueryError? Upsert(Subscription subscription)
    {
        lock (_writes)
        {
            if (!subscription.IsActive)
            {
                _index.Remove(subscription.Id);
                return null;
            }
            var parsed = QueryParser.Parse(subscription.Query);
            if (parsed.IsSuccess) _index.Add(subscription.Id, parsed.Query);
            else _index.Remove(subscription.Id);
            return parsed.Error;
        }
    }

    public bool Remove(string subscriptionId)
    {
        lock (_writes) return _index.Remove(subscriptionId);
    }

    /// <summary>Every (subscription, paper) match with why and score, papers in input order, best score first within a paper.</summary>
    public IReadOnlyList<PaperMatch> Match(IReadOnlyList<Paper> papers)
    {
        var index = _index;
        var matched = index.Match(papers);
        var queries = new Dictionary<string, Query>(StringComparer.Ordinal);
        var result = new List<PaperMatch>();
        for (var i = 0; i < papers.Count; i++)
        {
            if (matched[i].Count == 0) continue;
            var paper = AnalyzedPaper.From(papers[i]);
            var forPaper = new List<PaperMatch>(matched[i].Count);
            foreach (var id in matched[i])
            {
                var text = index.QueryText(id);
                if (text is null) continue; // removed since the batch ran
                // It parsed when it was indexed; the engine decides the match, the evaluator only explains it.
                if (!queries.TryGetValue(text, out var query)) queries[text] = query = QueryParser.Parse(text).Query!;
                var why = QueryEvaluator.Evaluate(query, paper);
                forPaper.Add(new PaperMatch(id, papers[i].Id, why?.Hits ?? [], why?.Score ?? 0));
            }
            result.AddRange(forPaper.OrderByDescending(m => m.Score).ThenBy(m => m.SubscriptionId, StringComparer.Ordinal));
        }
        return result;
    }

    private SubscriptionIndex Load(out IReadOnlyList<(string Id, QueryError Error)> rejected) =>
        SubscriptionIndex.Build([.. _store.All().Where(s => s.IsActive).Select(s => (s.Id, s.Query))], out rejected);
}
