using PaperBot.Core.Incidents;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest.Models;
using PaperBot.Discord.Tests.Support;
using static PaperBot.Discord.Tests.Support.Interactions;

namespace PaperBot.Discord.Tests.Commands;

public class PaperCommandsTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);

    private static Paper P(int n, string title, string @abstract = "", int? upvotes = null, string[]? authors = null) => new()
    {
        Id = PaperId.Parse($"2503.{n:D5}"),
        Title = title,
        Abstract = @abstract,
        Upvotes = upvotes,
        Authors = authors ?? ["Ada Lovelace"],
        PublishedAt = Day.AddHours(n),
        Links = new PaperLinks { Pdf = $"https://arxiv.org/pdf/2503.{n:D5}", Code = "javascript:alert(1)" },
    };

    private static void AssertWithinLimits(InteractionResponseData data)
    {
        Assert.True((data.Content?.Length ?? 0) <= DiscordLimits.Content);
        Assert.True((data.Embeds?.Count ?? 0) <= DiscordLimits.EmbedsPerMessage);
        Assert.True((data.Embeds?.Sum(DiscordLimits.Length) ?? 0) <= DiscordLimits.EmbedTotal);
        foreach (var e in data.Embeds ?? [])
        {
            Assert.True((e.Title?.Length ?? 0) <= DiscordLimits.Title);
            Assert.True((e.Description?.Length ?? 0) <= DiscordLimits.Description);
            Assert.All(e.Fields ?? [], f => Assert.True(f.Value.Length <= DiscordLimits.FieldValue));
        }
        Assert.Empty(data.AllowedMentions.Parse);
    }

    [Fact]
    public async Task Search_answers_a_page_with_matched_words_bold_and_buttons_that_page_through_the_results()
    {
        using var rig = new InteractionRig();
        rig.Store([.. Enumerable.Range(1, 7).Select(i => P(i, $"Diffusion model number {i}", "We study diffusion."))]);

        var first = await rig.SendAsync(InGuild("search", options: [("query", "diffusion"), ("limit", 3)]));

        Assert.Equal(InteractionCallbackTypes.ChannelMessageWithSource, first.Type);
        var data = first.Data!;
        Assert.Null(data.Flags);
        Assert.StartsWith("**7** papers match `diffusion` — page 1 of 3", data.Content);
        Assert.Equal(3, data.Embeds!.Count);
        Assert.All(data.Embeds, e => Assert.Contains("**Diffusion**", e.Title));
        AssertWithinLimits(data);
        var buttons = Assert.Single(data.Components!).Components!;
        Assert.True(buttons[0].Disabled);
        Assert.False(buttons[1].Disabled);

        var next = await rig.SendAsync(Press(InGuild("search"), buttons[1].CustomId!));
        Assert.Equal(InteractionCallbackTypes.UpdateMessage, next.Type);
        Assert.Contains("page 2 of 3", next.Data!.Content);
        var last = await rig.SendAsync(Press(InGuild("search"), Assert.Single(next.Data.Components!).Components![1].CustomId!));
        Assert.Contains("page 3 of 3", last.Data!.Content);
        Assert.Single(last.Data.Embeds!);
        Assert.True(Assert.Single(last.Data.Components!).Components![1].Disabled);
    }

    [Fact]
    public async Task A_search_button_after_its_session_expired_says_so_privately()
    {
        using var rig = new InteractionRig();
        rig.Store(P(1, "Diffusion"), P(2, "Diffusion two"));
        var first = await rig.SendAsync(InGuild("search", options: [("query", "diffusion"), ("limit", 1)]));
        rig.Time.Advance(TimeSpan.FromMinutes(16));

        var late = await rig.SendAsync(Press(InGuild("search"), first.Data!.Components![0].Components![1].CustomId!));
        var forged = await rig.SendAsync(Press(InGuild("search"), "search:nope:x"));

        Assert.Equal(InteractionCallbackTypes.ChannelMessageWithSource, late.Type);
        Assert.Equal(MessageFlags.Ephemeral, late.Data!.Flags);
        Assert.Contains("expired", late.Data.Content);
        Assert.Contains("expired", forged.Data!.Content);
    }

    [Fact]
    public async Task Search_with_a_bad_query_or_no_match_says_what_happened()
    {
        using var rig = new InteractionRig();
        rig.Store(P(1, "Diffusion"));
        var bad = await rig.SendAsync(InGuild("search", options: [("query", "(diffusion")]));
        var none = await rig.SendAsync(InGuild("search", options: [("query", "quantum")]));
        Assert.Equal(MessageFlags.Ephemeral, bad.Data!.Flags);
        Assert.Contains("character", bad.Data.Content);
        Assert.Contains("No stored paper matches", none.Data!.Content);
    }

    [Fact]
    public async Task Hostile_paper_text_is_escaped_pings_nobody_and_links_only_http()
    {
        using var rig = new InteractionRig();
        var hostile = P(1, "@everyone **bold** ||spoiler|| [click](https://evil.example) <@123> diffusion",
            "`code` > quote\n# heading <@&456> diffusion", authors: ["@here", "Mallory *"]) with
        { Links = new PaperLinks { Abstract = "javascript:alert(1)", Code = "ftp://x", Pdf = "https://arxiv.org/pdf/2503.00001" } };
        rig.Store(hostile);

        var search = (await rig.SendAsync(InGuild("search", options: [("query", "diffusion")]))).Data!;
        var full = (await rig.SendAsync(InGuild("paper", options: [("id", "2503.00001")]))).Data!;

        foreach (var data in new[] { search, full })
        {
            AssertWithinLimits(data);
            var embed = Assert.Single(data.Embeds!);
            var text = embed.Title + embed.Description + string.Concat((embed.Fields ?? []).Select(f => f.Value));
            Assert.DoesNotContain("@everyone", text, StringComparison.Ordinal);
            Assert.DoesNotContain("@here", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<@123>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("||spoiler", text, StringComparison.Ordinal);
            Assert.DoesNotContain("[click]", text, StringComparison.Ordinal);
            Assert.DoesNotContain("javascript:", text + embed.Url, StringComparison.Ordinal);
            Assert.DoesNotContain("ftp:", text, StringComparison.Ordinal);
        }
        // The title's own ** stay escaped text; only whole matched words are bold.
        Assert.StartsWith("@\u200beveryone \\*\\*", search.Embeds![0].Title, StringComparison.Ordinal);
        Assert.Contains("**diffusion**", search.Embeds[0].Title, StringComparison.Ordinal);
        Assert.Null(full.Embeds![0].Url); // its abstract link is javascript:
        Assert.Equal("https://arxiv.org/pdf/2503.00001", Assert.Single(full.Embeds[0].Fields!, f => f.Name == "Links").Value[7..^2]);
    }

    [Fact]
    public async Task Paper_shows_one_paper_in_full_by_any_arxiv_form_and_refuses_unknown_or_malformed_ids()
    {
        using var rig = new InteractionRig();
        rig.Store(P(1, "Full paper", new string('a', 5000), upvotes: 12));
        var byLink = await rig.SendAsync(InGuild("paper", options: [("id", "https://arxiv.org/abs/2503.00001v2")]));
        var unknown = await rig.SendAsync(InGuild("paper", options: [("id", "2503.09999")]));
        var malformed = await rig.SendAsync(InGuild("paper", options: [("id", "not an id")]));

        var embed = Assert.Single(byLink.Data!.Embeds!);
        Assert.Equal("Full paper", embed.Title);
        Assert.Contains(embed.Fields!, f => f.Name == "Upvotes" && f.Value == "12");
        Assert.Contains(embed.Fields!, f => f.Name == "Links" && f.Value.Contains("arxiv.org/pdf", StringComparison.Ordinal) && !f.Value.Contains("javascript", StringComparison.Ordinal));
        AssertWithinLimits(byLink.Data);
        Assert.Contains("no paper 2503.09999", unknown.Data!.Content);
        Assert.Equal(MessageFlags.Ephemeral, unknown.Data.Flags);
        Assert.Contains("not a paper id", malformed.Data!.Content);
    }

    [Fact]
    public async Task Latest_and_trending_list_papers_and_latest_autocompletes_sources()
    {
        using var rig = new InteractionRig();
        rig.Store([.. Enumerable.Range(1, 12).Select(i => P(i, $"Paper {i}", upvotes: i))]);
        rig.Db.SourceStates.Put(new SourceState { Source = "my-feed" });

        var latest = await rig.SendAsync(InGuild("latest", options: [("count", 3)]));
        var trending = await rig.SendAsync(InGuild("trending", options: [("count", 10), ("days", 7)]));
        var sources = await rig.SendAsync(Typing(InGuild("latest"), "source", "feed"));
        var unknown = await rig.SendAsync(InGuild("latest", options: [("source", "nowhere")]));

        Assert.Equal(["Paper 12", "Paper 11", "Paper 10"], latest.Data!.Embeds!.Select(e => e.Title));
        Assert.Equal(10, trending.Data!.Embeds!.Count);
        Assert.Equal("Paper 12", trending.Data.Embeds[0].Title);
        AssertWithinLimits(trending.Data);
        Assert.Equal(["my-feed"], sources.Data!.Choices!.Select(c => c.Value.AsText));
        Assert.Contains("No source named", unknown.Data!.Content);
    }

    [Fact]
    public async Task Digest_previews_what_your_dms_and_this_channel_matched_since_the_last_delivery()
    {
        using var rig = new InteractionRig();
        rig.Store(P(1, "Agents that plan"), P(2, "Channel paper"));
        await rig.SendAsync(InGuild("subscribe", options: [("query", "agents")]));
        await rig.SendAsync(InGuild("subscribe", permissions: Manager, options: [("query", "channel"), ("where", "here")]));
        var subs = rig.Db.Subscriptions.All();
        rig.Db.Outbox.Enqueue(
        [
            new(subs.Single(s => s.Query == "agents").Id, PaperId.Parse("2503.00001"), [new MatchHit("title", "agents")], 2),
            new(subs.Single(s => s.Query == "channel").Id, PaperId.Parse("2503.00002"), [new MatchHit("title", "channel")], 1),
        ]);

        var inChannel = await rig.SendAsync(InGuild("digest"));
        var inDm = await rig.SendAsync(InDm("digest"));
        var stranger = await rig.SendAsync(InDm("digest", user: Bob));

        Assert.Equal(MessageFlags.Ephemeral, inChannel.Data!.Flags);
        Assert.Equal(["**Agents** that plan", "**Channel** paper"], inChannel.Data.Embeds!.Select(e => e.Title));
        Assert.Contains(inChannel.Data.Embeds![0].Fields!, f => f is { Name: "Matched", Value: "agents (title)" });
        Assert.Equal(["**Agents** that plan"], inDm.Data!.Embeds!.Select(e => e.Title));
        Assert.Null(stranger.Data!.Embeds);
        Assert.Contains("Nothing new", stranger.Data.Content);
    }

    [Fact]
    public async Task Status_reports_sources_the_discord_connection_and_your_delivery_state()
    {
        using var rig = new InteractionRig();
        rig.Db.SourceStates.Put(new SourceState { Source = "huggingface", LastSuccessAt = rig.Time.GetUtcNow().AddMinutes(-5) });
        rig.Db.SourceStates.Put(new SourceState { Source = "arxiv", ConsecutiveFailures = 2, LastError = "HTTP 503 *from* arXiv" });
        rig.Get<DiscordStatus>().SetConnection(DiscordConnection.Connected, "session abc", rig.Time.GetUtcNow());
        await rig.SendAsync(InDm("subscribe", options: [("query", "agents")]));

        var answer = await rig.SendAsync(InDm("status"));

        var content = answer.Data!.Content!;
        Assert.Equal(MessageFlags.Ephemeral, answer.Data.Flags);
        Assert.Contains("huggingface ✅ — last success 5 min ago", content);
        Assert.Contains("arxiv ❌ failing (2×): HTTP 503 \\*from\\* arXiv", content);
        Assert.Contains("**Discord:** Connected", content);
        Assert.Contains("Your DMs: 1 subscription(s), 0 paper(s) waiting — ✅ delivering", content);
    }

    [Fact]
    public async Task Status_lists_the_open_incidents_a_failing_source_and_the_pauses_you_can_see_but_not_another_guilds()
    {
        using var rig = new InteractionRig();
        var now = rig.Time.GetUtcNow();
        var hereChannel = Subscriber.DiscordChannel(ChannelHere, Guild);
        var elsewhere = Subscriber.DiscordChannel("610", OtherGuild);
        rig.Db.Subscriptions.Add(new Subscription { Id = "s-here", Subscriber = hereChannel, Query = "agents", Confirmed = true, PausedReason = "gone" });
        rig.Db.Subscriptions.Add(new Subscription { Id = "s-else", Subscriber = elsewhere, Query = "agents", Confirmed = true, PausedReason = "gone" });
        rig.Db.Incidents.Add(Incident.SourceFailing("my *feed*", now.AddHours(-8), "GET https://x.example/feed?token=s3cret answered 503"));
        rig.Db.Incidents.Add(Incident.TargetPaused(hereChannel.TargetKey, "gone", now.AddHours(-1)));
        rig.Db.Incidents.Add(Incident.TargetPaused(elsewhere.TargetKey, "gone", now.AddHours(-2)));

        var content = (await rig.SendAsync(InGuild("status"))).Data!.Content!;

        Assert.Contains("**Incidents**\n• ⚠️ The source my \\*feed\\* has been failing since 2026-03-12 01:00 UTC (it answers HTTP 503).", content);
        Assert.Contains($"• ⏸️ Alerts to <#{ChannelHere}> paused since 2026-03-12 08:00 UTC", content);
        Assert.DoesNotContain("<#610>", content);
        Assert.DoesNotContain("s3cret", content);
    }

    [Fact]
    public async Task Help_explains_the_query_language_privately()
    {
        using var rig = new InteractionRig();
        var answer = await rig.SendAsync(InDm("help"));
        Assert.Equal(MessageFlags.Ephemeral, answer.Data!.Flags);
        Assert.Contains("\"image editing\"", answer.Data.Content);
        Assert.True(answer.Data.Content!.Length <= DiscordLimits.Content);
    }
}
