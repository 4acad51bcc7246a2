using PaperBot.Benchmarks.Matching;

namespace PaperBot.Core.Tests.Matching;

/// <summary>The benchmark's --quick comparison at a tiny size (no timing: speed is measured only by the benchmark).</summary>
public class BenchmarkWorkloadTests
{
    [Fact]
    public void The_engine_equals_the_reference_on_the_benchmark_workload()
    {
        var workload = new MatchingWorkload();
        var (differences, matches) = MatchingCheck.Compare(workload.Subscriptions(3000, 11), workload.Papers(60, 7));
        Assert.Empty(differences);
        Assert.True(matches > 0);
    }

    [Fact]
    public void Every_generated_subscription_is_a_valid_query()
    {
        foreach (var (id, query) in new MatchingWorkload().Subscriptions(5000, 3))
            Assert.True(PaperBot.Core.Queries.QueryParser.Parse(query).IsSuccess, $"{id}: {query}");
    }
}
