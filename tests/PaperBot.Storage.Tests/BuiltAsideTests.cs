using LiteDB;

namespace PaperBot.Storage.Tests;

public class BuiltAsideTests
{
    private static IEnumerable<BsonDocument> Numbered(int count, int failAt = -1)
    {
        for (var i = 0; i < count; i++)
        {
            if (i == failAt) throw new InvalidOperationException("broken run");
            yield return new BsonDocument { ["_id"] = i };
        }
    }

    [Fact]
    public void Every_document_arrives_in_order()
    {
        using var built = BuiltAside.Start(Numbered(10_000));

        Assert.Equal(Enumerable.Range(0, 10_000), built.Documents().Select(d => d["_id"].AsInt32));
    }

    [Fact]
    public void A_failure_while_building_ends_the_consumer_with_that_exception()
    {
        using var built = BuiltAside.Start(Numbered(10_000, failAt: 5_000));
        var seen = 0;

        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var _ in built.Documents()) seen++;
        });

        Assert.Equal("broken run", e.Message);
        Assert.True(seen <= 5_000);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_stops_the_builder_on_dispose()
    {
        var built = BuiltAside.Start(Numbered(1_000_000));
        _ = built.Documents().Take(10).ToList();

        await Task.Run(built.Dispose).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
