using System.Collections.Concurrent;
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
        // Explaining is most of a day's matching work (one evaluation per match): papers are explained in parallel, and
        // each query text is parsed once per batch however many subscriptions and papers share it.
        var queries = new ConcurrentDictionary<string, Query>(StringComparer.Ordinal);
        var explained = new List<PaperMatch>?[papers.Count];
        Parallel.For(0, papers.Count, MatchingThreads.Options, i =>
        {
            if (matched[i].Count > 0) explained[i] = Explain(papers[i], matched[i], index.QueryTexts(matched[i]), queries);
        });
        var result = new List<PaperMatch>(explained.Sum(e => e?.Count ?? 0));
        foreach (var forPaper in explained)
            if (forPaper is not null) result.AddRange(forPaper);
        return result;
    }

    private static List<PaperMatch> Explain(Paper paper, IReadOnlyList<string> ids, string?[] texts, ConcurrentDictionary<string, Query> queries)
    {
        var analyzed = AnalyzedPaper.From(paper);
        // Subscriptions with the same query get the same explanation: evaluate each text once per paper.
        var byText = new Dictionary<string, MatchExplanation?>(StringComparer.Ordinal);
        var forPaper = new List<PaperMatch>(ids.Count);
        for (var k = 0; k < ids.Count; k++)
        {
            if (texts[k] is not { } text) continue; // removed since the batch ran
            if (!byText.TryGetValue(text, out var why))
            {
                // It parsed when it was indexed; the engine decides the match, the evaluator only explains it.
                var query = queries.GetOrAdd(text, static t => QueryParser.Parse(t).Query!);
                byText[text] = why = QueryEvaluator.Evaluate(query, analyzed);
            }
            forPaper.Add(new PaperMatch(ids[k], paper.Id, why?.Hits ?? [], why?.Score ?? 0));
        }
        forPaper.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.SubscriptionId, b.SubscriptionId));
        return forPaper;
    }

    private SubscriptionIndex Load(out IReadOnlyList<(string Id, QueryError Error)> rejected) =>
        SubscriptionIndex.Build([.. _store.All().Where(s => s.IsActive).Select(s => (s.Id, s.Query))], out rejected);
}
