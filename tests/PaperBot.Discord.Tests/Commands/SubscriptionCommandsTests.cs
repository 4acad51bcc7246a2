using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Commands.Subscribing;
using PaperBot.Discord.Rest.Models;
using PaperBot.Discord.Tests.Support;
using static PaperBot.Discord.Tests.Support.Interactions;

namespace PaperBot.Discord.Tests.Commands;

public class SubscriptionCommandsTests
{
    private static bool Ephemeral(InteractionResponse r) => r.Data!.Flags == MessageFlags.Ephemeral;

    [Fact]
    public async Task Subscribe_by_dm_stores_a_confirmed_subscription_created_by_the_caller_and_answers_privately()
    {
        using var rig = new InteractionRig();
        var answer = await rig.SendAsync(InGuild("subscribe", options: [("query", "diffusion video"), ("delivery", "daily"), ("at", "07:30"), ("timezone", "Europe/Berlin")]));

        Assert.Equal(InteractionCallbackTypes.ChannelMessageWithSource, answer.Type);
        Assert.True(Ephemeral(answer));
        var s = Assert.Single(rig.Db.Subscriptions.All());
        Assert.Equal(Subscriber.DiscordUser(Ann), s.Subscriber);
        Assert.Equal((DeliveryMode.Daily, new TimeOnly(7, 30), "Europe/Berlin", Ann, true), (s.Mode, s.DeliveryTime, s.TimeZone, s.CreatedBy, s.Confirmed));
        Assert.Contains(s.Id, answer.Data!.Content);
        Assert.Empty(answer.Data.AllowedMentions.Parse);
    }

    [Fact]
    public async Task Subscribe_here_with_manage_channels_subscribes_the_channel_and_says_so_publicly()
    {
        using var rig = new InteractionRig();
        var answer = await rig.SendAsync(InGuild("subscribe", permissions: Manager, options: [("query", "agents"), ("where", "here")]));

        Assert.False(Ephemeral(answer));
        Assert.Equal(Subscriber.DiscordChannel(ChannelHere, Guild), Assert.Single(rig.Db.Subscriptions.All()).Subscriber);
    }

    [Theory]
    [InlineData(Member)]
    [InlineData("0")]
    [InlineData("not a number")]
    public async Task Subscribe_here_without_manage_channels_is_refused_privately_and_stores_nothing(string permissions)
    {
        using var rig = new InteractionRig();
        var answer = await rig.SendAsync(InGuild("subscribe", permissions: permissions, options: [("query", "agents"), ("where", "here")]));

        Assert.True(Ephemeral(answer));
        Assert.Contains("Manage Channels", answer.Data!.Content);
        Assert.Empty(rig.Db.Subscriptions.All());
    }

    [Fact]
    public async Task Administrator_counts_as_manage_channels()
    {
        using var rig = new InteractionRig();
        await rig.SendAsync(InGuild("subscribe", permissions: "8", options: [("query", "agents"), ("where", "here")]));
        Assert.Single(rig.Db.Subscriptions.All());
    }

    [Fact]
    public async Task A_malformed_query_is_refused_with_its_position_and_a_caret()
    {
        using var rig = new InteractionRig();
        var answer = await rig.SendAsync(InGuild("subscribe", options: [("query", "diffusion \"open")]));

        Assert.True(Ephemeral(answer));
        Assert.Contains("character 11", answer.Data!.Content);
        Assert.Contains("\n          ^", answer.Data.Content);
        Assert.Empty(rig.Db.Subscriptions.All());
    }

    [Theory]
    [InlineData("at", "25:00", "`at`")]
    [InlineData("timezone", "Mars/Olympus", "`timezone`")]
    [InlineData("day", "someday", "`day`")]
    [InlineData("delivery", "hourly", "`delivery`")]
    public async Task Bad_schedule_options_are_refused_naming_the_option(string option, string value, string named)
    {
        using var rig = new InteractionRig();
        var answer = await rig.SendAsync(InGuild("subscribe", options: [("query", "agents"), (option, value)]));
        Assert.True(Ephemeral(answer));
        Assert.Contains(named, answer.Data!.Content);
        Assert.Empty(rig.Db.Subscriptions.All());
    }

    [Fact]
    public async Task The_same_query_twice_for_one_target_is_refused()
    {
        using var rig = new InteractionRig();
        await rig.SendAsync(InDm("subscribe", options: [("query", "agents")]));
        var again = await rig.SendAsync(InDm("subscribe", options: [("query", "agents")]));
        Assert.Contains("already has this query", again.Data!.Content);
        Assert.Single(rig.Db.Subscriptions.All());
    }

    [Fact]
    public async Task A_target_holds_at_most_25_subscriptions()
    {
        using var rig = new InteractionRig();
        for (var i = 0; i < SubscribeCommand.MaxPerTarget; i++) await rig.SendAsync(InDm("subscribe", options: [("query", "word" + (char)('a' + i))]));
        var refused = await rig.SendAsync(InDm("subscribe", options: [("query", "one more")]));
        Assert.Contains("Remove one", refused.Data!.Content);
        Assert.Equal(SubscribeCommand.MaxPerTarget, rig.Db.Subscriptions.All().Count);
    }

    [Fact]
    public async Task The_time_zone_autocompletes_iana_ids()
    {
        using var rig = new InteractionRig();
        var answer = await rig.SendAsync(Typing(InGuild("subscribe", options: [("query", "x")]), "timezone", "berl"));
        Assert.Equal(InteractionCallbackTypes.AutocompleteResult, answer.Type);
        Assert.Contains(answer.Data!.Choices!, c => c.Value.AsText == "Europe/Berlin");
    }

    [Fact]
    public async Task Unsubscribe_offers_your_subscriptions_and_the_channels_only_with_manage_channels()
    {
        using var rig = new InteractionRig();
        await rig.SendAsync(InGuild("subscribe", user: Ann, options: [("query", "mine")]));
        await rig.SendAsync(InGuild("subscribe", user: Bob, permissions: Manager, options: [("query", "bobs channel"), ("where", "here")]));
        await rig.SendAsync(InGuild("subscribe", user: Bob, options: [("query", "bobs dm")]));

        var asMember = await rig.SendAsync(Typing(InGuild("unsubscribe", user: Ann), "subscription", ""));
        var asManager = await rig.SendAsync(Typing(InGuild("unsubscribe", user: Ann, permissions: Manager), "subscription", ""));
        var filtered = await rig.SendAsync(Typing(InGuild("unsubscribe", user: Ann, permissions: Manager), "subscription", "BOBS"));

        Assert.Equal(["mine"], asMember.Data!.Choices!.Select(c => Query(rig, c)));
        Assert.Equal(["mine", "bobs channel"], asManager.Data!.Choices!.Select(c => Query(rig, c)));
        Assert.Equal(["bobs channel"], filtered.Data!.Choices!.Select(c => Query(rig, c)));
        Assert.All(asManager.Data.Choices!, c => Assert.InRange(c.Name.Length, 1, 100));
    }

    [Fact]
    public async Task Unsubscribe_removes_yours_and_refuses_the_channels_without_permission_and_others_dms()
    {
        using var rig = new InteractionRig();
        await rig.SendAsync(InGuild("subscribe", user: Bob, permissions: Manager, options: [("query", "channel"), ("where", "here")]));
        await rig.SendAsync(InDm("subscribe", user: Bob, options: [("query", "bob dm")]));
        await rig.SendAsync(InDm("subscribe", user: Ann, options: [("query", "ann dm")]));
        var all = rig.Db.Subscriptions.All().ToDictionary(s => s.Query, s => s.Id);

        var notAllowed = await rig.SendAsync(InGuild("unsubscribe", user: Ann, options: [("subscription", all["channel"])]));
        var notHers = await rig.SendAsync(InGuild("unsubscribe", user: Ann, permissions: Manager, options: [("subscription", all["bob dm"])]));
        var hers = await rig.SendAsync(InDm("unsubscribe", user: Ann, options: [("subscription", all["ann dm"])]));
        var managed = await rig.SendAsync(InGuild("unsubscribe", user: Ann, permissions: Manager, options: [("subscription", all["channel"])]));

        Assert.Contains("No subscription", notAllowed.Data!.Content);
        Assert.Contains("Manage Channels", notAllowed.Data.Content);
        Assert.Contains("No subscription", notHers.Data!.Content);
        Assert.Contains("Removed", hers.Data!.Content);
        Assert.Contains("Removed", managed.Data!.Content);
        Assert.Equal(["bob dm"], rig.Db.Subscriptions.All().Select(s => s.Query));
    }

    [Fact]
    public async Task A_guild_never_sees_or_touches_another_guilds_subscriptions()
    {
        using var rig = new InteractionRig();
        await rig.SendAsync(InGuild("subscribe", user: Ann, permissions: Manager, options: [("query", "secret plans"), ("where", "here")]));
        var id = Assert.Single(rig.Db.Subscriptions.All()).Id;

        // The same user, even as an administrator, in another guild (with a channel id that collides, too).
        var list = await rig.SendAsync(InGuild("subscriptions", user: Ann, permissions: "8", guild: OtherGuild));
        var offered = await rig.SendAsync(Typing(InGuild("unsubscribe", user: Ann, permissions: "8", guild: OtherGuild), "subscription", ""));
        var remove = await rig.SendAsync(InGuild("unsubscribe", user: Ann, permissions: "8", guild: OtherGuild, options: [("subscription", id)]));
        var status = await rig.SendAsync(InGuild("status", user: Ann, permissions: "8", guild: OtherGuild));

        Assert.DoesNotContain("secret", list.Data!.Content);
        Assert.Empty(offered.Data!.Choices!);
        Assert.Contains("No subscription", remove.Data!.Content);
        Assert.DoesNotContain(ChannelHere, status.Data!.Content);
        Assert.Single(rig.Db.Subscriptions.All());
    }

    [Fact]
    public async Task Subscriptions_lists_yours_and_this_channels_with_paused_ones_marked()
    {
        using var rig = new InteractionRig();
        await rig.SendAsync(InGuild("subscribe", user: Bob, permissions: Manager, options: [("query", "channel query"), ("where", "here")]));
        await rig.SendAsync(InGuild("subscribe", user: Ann, options: [("query", "my query")]));
        var mine = rig.Db.Subscriptions.All().Single(s => s.Query == "my query");
        rig.Db.Subscriptions.Update(mine with { PausedReason = "DMs closed (50007)" });

        var answer = await rig.SendAsync(InGuild("subscriptions", user: Ann));

        Assert.True(Ephemeral(answer));
        var content = answer.Data!.Content!;
        Assert.True(content.IndexOf("**Yours**", StringComparison.Ordinal) < content.IndexOf("my query", StringComparison.Ordinal));
        Assert.True(content.IndexOf("**This channel's**", StringComparison.Ordinal) < content.IndexOf("channel query", StringComparison.Ordinal));
        Assert.Contains("paused: DMs closed (50007)", content);
    }

    [Fact]
    public async Task Subscriptions_with_none_says_how_to_add_one()
    {
        using var rig = new InteractionRig();
        var answer = await rig.SendAsync(InDm("subscriptions"));
        Assert.Contains("/subscribe", answer.Data!.Content);
    }

    private static string Query(InteractionRig rig, CommandChoice choice) => rig.Db.Subscriptions.Find(choice.Value.AsText!)!.Query;
}
