using System.Text.Json;
using PaperBot.Core.Storage;
using PaperBot.Storage;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using PaperBot.Testing.Smtp;

namespace PaperBot.Host.Tests.Delivery;

public class DeliverVerbTests
{
    private static async Task<CliHarness> WithQueuedAlertsAsync()
    {
        var cli = new CliHarness();
        cli.Config["Email:From"] = "PaperBot <papers@bot.example.org>";
        await cli.RunAsync("subscribe", "--email", "ann@example.org", "--query", "topic", "--confirmed");
        await cli.RunAsync("subscribe", "--discord-channel", "123456789012345678", "--guild", "876543210987654321", "--query", "experiments");
        var digest = cli.Dir.Write("digest.txt", Digests.Build(3));
        var import = await cli.RunAsync("import", digest, "--notify");
        Assert.Equal(0, import.ExitCode);
        return cli;
    }

    [Fact]
    public async Task Deliver_sends_what_is_due_once_prints_counts_and_writes_the_email()
    {
        using var cli = await WithQueuedAlertsAsync();

        var first = await cli.RunAsync("deliver");
        var second = await cli.RunAsync("deliver");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("sent 2 batch(es) with 6 paper(s)", first.Out, StringComparison.Ordinal);
        Assert.Contains("Discord → #123456789012345678", first.Out, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(cli.Dir.File("data/outbox"), "*.eml"));
        Assert.Contains("sent 0 batch(es) with 0 paper(s)", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_with_json_writes_one_document_and_keeps_previews_off_stdout()
    {
        using var cli = await WithQueuedAlertsAsync();

        var run = await cli.RunAsync("deliver", "--json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(2, json.RootElement.GetProperty("sent").GetInt32());
        Assert.Equal(6, json.RootElement.GetProperty("papers").GetInt32());
        Assert.Contains("Discord →", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_smtp_host_configured_deliver_sends_the_email_digest_over_smtp_and_writes_no_eml()
    {
        await using var server = await SmtpTestServer.StartAsync();
        using var cli = await WithQueuedAlertsAsync();
        cli.Config["Email:Smtp:Host"] = "127.0.0.1";
        cli.Config["Email:Smtp:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        cli.Config["Email:Smtp:Security"] = "None";

        var run = await cli.RunAsync("deliver");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("sent 2 batch(es) with 6 paper(s)", run.Out, StringComparison.Ordinal);
        var message = Assert.Single(server.Messages);
        Assert.Equal(["ann@example.org"], message.To);
        Assert.EndsWith("@bot.example.org", message.Parse().MessageId, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cli.Dir.File("data/outbox")));
        await server.WaitForSessionsEndedAsync(1);
    }

    [Fact]
    public async Task Deliver_tells_the_channels_of_a_source_failing_past_the_alert_time_once()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        using var cli = new CliHarness();
        cli.UseDiscord(discord);
        cli.Config["Sources:Feeds:0:Name"] = "journal";
        cli.Config["Sources:Feeds:0:Url"] = "https://journal.example.org/rss";
        cli.Config["Operations:SourceAlertAfter"] = "01:00:00";
        const string channel = "123456789012345678";
        await cli.RunAsync("subscribe", "--discord-channel", channel, "--guild", "876543210987654321", "--query", "diffusion");
        using (var context = LiteDbContext.Open(cli.DatabasePath))
        {
            new LiteDbSourceStateStore(context).Put(new SourceState
            {
                Source = "journal", ConsecutiveFailures = 4, FailingSince = DateTimeOffset.UtcNow.AddHours(-2), LastError = "timed out",
            });
        }

        var first = await cli.RunAsync("deliver");
        var second = await cli.RunAsync("deliver", "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("1 open incident(s); told 1 owner(s) not told before", first.Out, StringComparison.Ordinal);
        var notice = Assert.Single(discord.MessagesIn(channel));
        Assert.Contains("journal", notice.Body.ToJsonString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(second.Out);
        Assert.Equal((1, 0), (json.RootElement.GetProperty("incidents").GetInt32(), json.RootElement.GetProperty("noticesSent").GetInt32()));
        Assert.Single(discord.MessagesIn(channel));
    }
}
