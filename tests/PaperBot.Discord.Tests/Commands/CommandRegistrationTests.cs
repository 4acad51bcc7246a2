using PaperBot.Core.Storage;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing.Discord;

namespace PaperBot.Discord.Tests.Commands;

public class CommandRegistrationTests
{
    [Fact]
    public async Task Commands_are_put_once_and_again_only_when_forced_or_for_another_scope()
    {
        await using var rig = await DiscordRig.StartAsync();
        var registration = rig.Get<CommandRegistration>();
        var ct = CancellationToken.None;

        var first = await registration.RegisterAsync(null, force: false, ct);
        var again = await registration.RegisterAsync(null, force: false, ct);
        var guild = await registration.RegisterAsync("400000000000000001", force: false, ct);
        var forced = await registration.RegisterAsync(null, force: true, ct);

        Assert.True(first.Changed);
        Assert.Equal(CommandCatalog.All.Count, first.Count);
        Assert.False(again.Changed);
        Assert.True(guild.Changed);
        Assert.True(forced.Changed);
        var puts = rig.Fake.CommandPuts;
        Assert.Equal([null, "400000000000000001", null], puts.Select(p => p.GuildId));
        Assert.Equal(CommandCatalog.All.Select(c => c.Name), puts[0].Commands.Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_changed_command_set_is_put_again()
    {
        await using var rig = await DiscordRig.StartAsync();
        var settings = (MemorySettings)rig.Get<ISettingsStore>();
        settings.Set($"discord.commands.{FakeDiscordServer.ApplicationId}.global", "hash-of-an-older-catalog");

        var result = await rig.Get<CommandRegistration>().RegisterAsync(null, force: false, CancellationToken.None);

        Assert.True(result.Changed);
        Assert.Single(rig.Fake.CommandPuts);
        Assert.Equal(CommandRegistration.Hash(CommandCatalog.All), settings.Get($"discord.commands.{FakeDiscordServer.ApplicationId}.global"));
    }

    [Fact]
    public async Task A_failed_registration_stores_nothing_so_the_next_start_tries_again()
    {
        await using var rig = await DiscordRig.StartAsync();
        rig.Fake.Inject("^PUT /applications/", FakeDiscordFault.MissingAccess());
        var registration = rig.Get<CommandRegistration>();

        var failed = await registration.RegisterAsync("400000000000000001", force: false, CancellationToken.None);
        var retried = await registration.RegisterAsync("400000000000000001", force: false, CancellationToken.None);

        Assert.False(failed.Succeeded);
        Assert.Contains("50001", failed.Error!.ToString(), StringComparison.Ordinal);
        Assert.True(retried.Changed);
        Assert.Contains("Registering the slash commands (guild 400000000000000001) failed", rig.Log.All, StringComparison.Ordinal);
    }
}
