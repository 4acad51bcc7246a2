using MimeKit;

namespace PaperBot.Host.Tests.Cli;

public class DemoVerbTests
{
    [Fact]
    public async Task The_demo_prints_discord_alerts_and_writes_a_parseable_email_digest_every_time()
    {
        using var cli = new CliHarness();
        cli.Config["Email:PickupDirectory"] = "data/outbox";

        var first = await cli.RunAsync("demo");
        var second = await cli.RunAsync("demo");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("imported      20 new papers", second.Out, StringComparison.Ordinal);
        Assert.Contains("Discord → #", first.Out, StringComparison.Ordinal);
        Assert.Contains("Matched: Diffusion (title)", first.Out, StringComparison.Ordinal);

        var eml = Assert.Single(Directory.GetFiles(cli.Dir.File("data/outbox"), "*.eml"));
        var message = await MimeMessage.LoadAsync(eml);
        Assert.Equal("reader@example.org", message.To.Mailboxes.Single().Address);
        Assert.Contains("reinforcement learning", message.Subject, StringComparison.Ordinal);
        Assert.NotNull(message.HtmlBody);
        Assert.Contains("Reinforcement Learning", message.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(cli.DatabasePath), "the demo must not touch the real database");
    }
}
