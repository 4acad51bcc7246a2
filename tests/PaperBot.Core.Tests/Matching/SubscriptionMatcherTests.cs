using PaperBot.Core.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Core.Tests.Queries;

namespace PaperBot.Core.Tests.Matching;

public class SubscriptionMatcherTests
{
    private sealed class InMemorySubscriptions : ISubscriptionStore
    {
        private readonly Dictionary<string, Subscription> _items = [];
        public void Add(Subscription subscription) => _items.Add(subscription.Id, subscription);
        public bool Remove(string id) => _items.Remove(id);
        public Subscription? Find(string id) => _items.GetValueOrDefault(id);
        public IReadOnlyList<Subscription> All() => [.. _items.Values];
        public void Update(Subscription subscription) => _items[subscription.Id] = subscription;
    }

    private static Subscription Sub(string id, string query, bool confirmed = true, string? paused = null) => new()
    {
        Id = id,
        Subscriber = Subscriber.Email($"{id}@example.org"),
        Query = query,
        Confirmed = confirmed,
        PausedReason = paused,
    };

    private static readonly Paper Diffusion = PaperFactory.Make("Diffusion Models for Image Editing", "We edit images.", id: "2501.00001");
    private static readonly Paper Agents = PaperFactory.Make("Web Agents", "Agents browse with diffusion-free planners.", upvotes: 50, id: "2501.00002");

    private static (InMemorySubscriptions Store, SubscriptionMatcher Matcher) BuildTestContext(params Subscription[] subscriptions)
    {
        var store = new InMemorySubscriptions();
        foreach (var s in subscriptions) store.Add(s);
        return (store, new SubscriptionMatcher(store));
    }

    [Fact]
    public void Only_active_subscriptions_are_matched()
    {
        var (_, matcher) = BuildTestContext(
            Sub("s-active", "diffusion"),
            Sub("s-unconfirmed", "diffusion", confirmed: false),
            Sub("s-paused", "diffusion", paused: "mailbox full"));

        var matches = matcher.Match([Diffusion]);

        Assert.Equal(["s-active"], matches.Select(m => m.SubscriptionId));
    }

    [Fact]
    public void Each_match_carries_why_and_a_score_best_first_per_paper()
    {
        var (_, matcher) = BuildTestContext(Sub("s-title", "ti:diffusion ti:models"), Sub("s-abstract", "diffusion -editing"), Sub("s-either", "editing OR planner"));

        var matches = matcher.Match([Diffusion, Agents]);

        Assert.Equal([("s-title", "2501.00001"), ("s-either", "2501.00001"), ("s-abstract", "2501.00002"), ("s-either", "2501.00002")],
            matches.Select(m => (m.SubscriptionId, m.PaperId.Value)));
        Assert.Equal([new MatchHit("title", "Diffusion"), new MatchHit("title", "Models")], matches[0].Why);
        Assert.Equal([new MatchHit("abstract", "planners")], matches[3].Why);
        Assert.True(matches[0].Score > matches[1].Score);
        Assert.True(matches[2].Score > 1, "upvotes boost the score");
    }

    [Fact]
    public void Subscriptions_sharing_a_query_get_the_same_explanation_as_alone_papers_in_input_order_ties_by_id()
    {
        var (_, matcher) = BuildTestContext(
            Sub("s-b", "diffusion OR agents"), Sub("s-a", "diffusion OR agents"), Sub("s-c", "ti:diffusion"), Sub("s-d", "agents"));
        // Enough papers to be explained on several threads.
        var papers = Enumerable.Range(0, 60).Select(k => k % 2 == 0
            ? PaperFactory.Make($"Diffusion study {k}", "We edit images.", id: $"2501.{k + 10:D5}")
            : PaperFactory.Make($"Web agents {k}", "Agents browse.", upvotes: k, id: $"2501.{k + 10:D5}")).ToList();

        var matches = matcher.Match(papers);

        Assert.Equal(papers.Select(p => p.Id), matches.Select(m => m.PaperId).Distinct());
        foreach (var forPaper in matches.GroupBy(m => m.PaperId))
        {
            var expected = forPaper.Select(m => (m.SubscriptionId, m.Score))
                .OrderByDescending(x => x.Score).ThenBy(x => x.SubscriptionId, StringComparer.Ordinal);
            Assert.Equal(expected, forPaper.Select(m => (m.SubscriptionId, m.Score)));
        }
        var queries = new Dictionary<string, string> { ["s-a"] = "diffusion OR agents", ["s-b"] = "diffusion OR agents", ["s-c"] = "ti:diffusion", ["s-d"] = "agents" };
        Assert.All(matches, m =>
        {
            var alone = QueryEvaluator.Evaluate(QueryParser.Parse(queries[m.SubscriptionId]).Query!, AnalyzedPaper.From(papers.Single(p => p.Id == m.PaperId)))!;
            Assert.Equal(alone.Hits, m.Why);
            Assert.Equal(alone.Score, m.Score);
        });
        Assert.Equal(30 * 3 + 30 * 3, matches.Count); // diffusion papers: s-a, s-b, s-c; agents papers: s-a, s-b, s-d
    }

    [Fact]
    public void Added_changed_and_removed_subscriptions_take_effect_without_a_reload()
    {
        var (store, matcher) = BuildTestContext(Sub("s-1", "agents"));

        Assert.Null(matcher.Upsert(Sub("s-2", "diffusion")));
        matcher.Upsert(Sub("s-1", "editing"));
        Assert.Equal(["s-1", "s-2"], matcher.Match([Diffusion]).Select(m => m.SubscriptionId).Order());

        matcher.Upsert(Sub("s-2", "diffusion", paused: "bounced"));
        Assert.True(matcher.Remove("s-1"));
        Assert.Empty(matcher.Match([Diffusion]));
        Assert.Single(store.All());
    }

    [Fact]
    public void An_invalid_query_is_reported_and_not_indexed()
    {
        var (_, matcher) = BuildTestContext(Sub("s-bad", "\"unclosed"), Sub("s-good", "agents"));

        Assert.Equal("s-bad", Assert.Single(matcher.Rejected).Id);
        Assert.NotNull(matcher.Upsert(Sub("s-good", "-only")));
        Assert.Equal(0, matcher.Count);
    }

    [Fact]
    public void Reload_picks_up_changes_made_directly_in_the_store()
    {
        var (store, matcher) = BuildTestContext(Sub("s-1", "agents"));
        store.Add(Sub("s-2", "web"));
        store.Remove("s-1");

        matcher.Reload();

        Assert.Equal(["s-2"], matcher.Match([Agents]).Select(m => m.SubscriptionId));
    }
}
