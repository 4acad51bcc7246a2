using PaperBot.Core.Subscriptions;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

public class SuppressionListTests
{
    [Fact]
    public void A_suppressed_address_is_found_whatever_its_case_and_survives_a_restart()
    {
        using var db = new TestDatabase();
        var at = db.Time.GetUtcNow();
        db.Suppressions.Add(new Suppression(" Ann@Example.org ", "the recipient's server refused: 550 5.1.1 user unknown", at));

        db.Reopen();

        var found = db.Suppressions.Find("ann@EXAMPLE.org");
        Assert.NotNull(found);
        Assert.Equal("Ann@Example.org", found.Address);
        Assert.Equal("the recipient's server refused: 550 5.1.1 user unknown", found.Reason);
        Assert.Equal(at, found.At);
        Assert.Null(db.Suppressions.Find("bo@example.org"));
    }

    [Fact]
    public void A_second_rejection_of_the_same_address_keeps_one_record_with_the_latest_reason()
    {
        using var db = new TestDatabase();
        db.Suppressions.Add(new Suppression("ann@example.org", "first", db.Time.GetUtcNow()));
        db.Suppressions.Add(new Suppression("ANN@example.org", "second", db.Time.GetUtcNow().AddDays(1)));

        Assert.Equal("second", db.Suppressions.Find("ann@example.org")!.Reason);
        Assert.Equal(1, db.Context.Database.GetCollection("suppressions").Count());
    }
}
