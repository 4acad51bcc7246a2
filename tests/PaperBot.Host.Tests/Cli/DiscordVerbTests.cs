using PaperBot.Testing.Discord;

namespace PaperBot.Host.Tests.Cli;

public class DiscordVerbTests
{
    [Fact]
    public async Task Registering_commands_without_a_token_exits_2_naming_the_key()
    {
        using var cli = new CliHarness();

        var run = await cli.RunAsync("discord", "register-commands");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Discord:Token", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_are_registered_once_per_guild_and_again_only_with_force()
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        using var cli = new CliHarness();
        cli.UseDiscord(fake);

        var first = await cli.RunAsync("discord", "register-commands", "--guild", "400000000000000001");
        var second = await cli.RunAsync("discord", "register-commands", "--guild", "400000000000000001");
        var forced = await cli.RunAsync("discord", "register-commands", "--guild", "400000000000000001", "--force");
        var badGuild = await cli.RunAsync("discord", "register-commands", "--guild", "my-server");

        Assert.Equal((0, "registered 10 commands (guild 400000000000000001)"), (first.ExitCode, first.Out.Trim()));
        Assert.Contains("already registered", second.Out, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(2, badGuild.ExitCode);
        Assert.Equal(2, fake.CommandPuts.Count);
        Assert.DoesNotContain(FakeDiscordServer.Token, first.Err + second.Err + forced.Err, StringComparison.Ordinal);
    }
}
