using System.Text.Json;

namespace PaperBot.Host.Tests.Cli;

public class SubscriptionVerbsTests
{
    [Fact]
    public async Task A_subscription_is_added_listed_and_removed()
    {
        using var cli = new CliHarness();
        var added = await cli.RunAsync("subscribe", "--email", "ann@example.org", "--query", "diffusion", "--mode", "daily", "--at", "07:30", "--timezone", "Europe/Berlin", "--confirmed");
        var id = added.Out.Trim();

        Assert.Equal(0, added.ExitCode);
        Assert.StartsWith("s-", id, StringComparison.Ordinal);
        var listed = await cli.RunAsync("subscriptions");
        Assert.Contains($"{id}  ann@example.org  \"diffusion\"  daily at 07:30 Europe/Berlin", listed.Out, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse((await cli.RunAsync("subscriptions", "--json")).Out))
            Assert.Equal("daily", json.RootElement[0].GetProperty("mode").GetString());

        Assert.Equal(0, (await cli.RunAsync("unsubscribe", id)).ExitCode);
        Assert.Contains("no subscriptions", (await cli.RunAsync("subscriptions")).Out, StringComparison.Ordinal);
        Assert.Equal(1, (await cli.RunAsync("unsubscribe", id)).ExitCode);
    }

    [Fact]
    public async Task An_email_subscription_waits_for_confirmation_unless_told_otherwise()
    {
        using var cli = new CliHarness();
        var run = await cli.RunAsync("subscribe", "--email", "bo@example.org", "--query", "agents");
        Assert.Contains("waits for the subscriber's confirmation", run.Err, StringComparison.Ordinal);
        Assert.Contains("(unconfirmed)", (await cli.RunAsync("subscriptions")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_subscription_without_confirmed_gets_the_confirmation_mail_and_lists_as_pending()
    {
        using var cli = new CliHarness();
        cli.Config["Email:From"] = "PaperBot <bot@example.org>";
        cli.Config["Email:PublicBaseUrl"] = "https://papers.example.org";

        var run = await cli.RunAsync("subscribe", "--email", "bo@example.org", "--query", "agents");
        var confirmed = await cli.RunAsync("subscribe", "--email", "cy@example.org", "--query", "agents", "--confirmed");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("confirmation mail sent to bo@example.org", run.Err, StringComparison.Ordinal);
        var mail = Assert.Single(Directory.GetFiles(cli.Dir.File("data/outbox"), "*.eml"));
        var text = await File.ReadAllTextAsync(mail);
        Assert.Contains("bo@example.org", text, StringComparison.Ordinal);
        Assert.Contains("https://papers.example.org/confirm/", text, StringComparison.Ordinal);
        Assert.Equal(0, confirmed.ExitCode);
        using var json = JsonDocument.Parse((await cli.RunAsync("subscriptions", "--json")).Out);
        var statuses = json.RootElement.EnumerateArray().ToDictionary(s => s.GetProperty("subscriber").GetProperty("address").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Equal("pending", statuses["bo@example.org"]);
        Assert.Equal("active", statuses["cy@example.org"]);
    }

    [Fact]
    public async Task With_email_off_the_subscription_stays_pending_and_the_verb_says_the_mail_was_not_sent()
    {
        using var cli = new CliHarness();

        var run = await cli.RunAsync("subscribe", "--email", "bo@example.org", "--query", "agents");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot be sent (email is off", run.Err, StringComparison.Ordinal);
        Assert.Contains("stays pending", run.Err, StringComparison.Ordinal);
        Assert.Contains("(unconfirmed)", (await cli.RunAsync("subscriptions")).Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--query", "x")]
    [InlineData("--email", "a@example.org", "--discord-user", "1", "--query", "x")]
    [InlineData("--email", "not-an-address", "--query", "x")]
    [InlineData("--discord-channel", "123", "--query", "x")]
    [InlineData("--discord-user", "abc", "--query", "x")]
    [InlineData("--discord-user", "1", "--query", "x", "--timezone", "Nowhere/Else")]
    [InlineData("--discord-user", "1", "--query", "x", "--at", "8pm")]
    [InlineData("--discord-user", "1", "--query", "x", "--day", "Someday")]
    [InlineData("--discord-user", "1", "--query", "x", "--mode", "hourly")]
    [InlineData("--discord-user", "1", "--query", " ")]
    [InlineData("--discord-user", "1")]
    [InlineData("--discord-user", "1", "--query", "NOT survey")]
    [InlineData("--discord-user", "1", "--query", "au:\"hinton")]
    public async Task Bad_subscription_arguments_exit_2_and_store_nothing(params string[] args)
    {
        using var cli = new CliHarness();
        var run = await cli.RunAsync(["subscribe", .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Err);
        Assert.Contains("no subscriptions", (await cli.RunAsync("subscriptions")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_says_when_a_subscription_was_not_paused_or_does_not_exist()
    {
        using var cli = new CliHarness();
        var id = (await cli.RunAsync("subscribe", "--discord-user", "42", "--query", "agents")).Out.Trim();

        var run = await cli.RunAsync("resume", id);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{id} was not paused", run.Out, StringComparison.Ordinal);
        Assert.Equal(1, (await cli.RunAsync("resume", "s-nope")).ExitCode);
    }
}
