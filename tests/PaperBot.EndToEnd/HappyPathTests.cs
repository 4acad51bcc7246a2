using System.Globalization;
using System.Net;
using PaperBot.EndToEnd.Harness;

namespace PaperBot.EndToEnd;

/// <summary>The whole product through its front doors: sources polled on their schedules, subscriptions made by
/// slash commands, a verb beside the service and the web form with its confirmation mail, and every matched paper
/// delivered once to the right place.</summary>
public sealed class HappyPathTests
{
    private const string Carol = "carol@example.org";
    private const string Dave = "dave@example.org";
    private const string Ann = "901";
    private const string Bob = "902";

    [Fact]
    public async Task Papers_ingested_on_schedule_reach_every_subscriber_made_by_slash_command_verb_and_web_form_exactly_once()
    {
        await using var d = await Deployment.CreateAsync(seed: 14);
        PaperShelf.EnableArxiv(d.Environment, d.Sources);
        var baseline = d.Shelf.PublishRandom(5, ShelfSource.HuggingFace).Concat(d.Shelf.PublishRandom(4, ShelfSource.Journal))
            .Concat(d.Shelf.PublishRandom(3, ShelfSource.Arxiv)).ToList();
        var started = DateTimeOffset.UtcNow;
        await d.StartAsync();
        await d.SourcesPolledAsync(started);

        // Ann subscribes the channel (she may manage it), Bob his DMs, over the signed interactions endpoint.
        var channelAnswer = await d.Interactions.CommandAsync(DiscordInteractions.InGuild("subscribe", Ann, DiscordInteractions.ManageChannels,
            ("query", "diffusion"), ("where", "here"), ("delivery", "instant")));
        Assert.Contains("Subscribed", channelAnswer, StringComparison.Ordinal);
        var dmAnswer = await d.Interactions.CommandAsync(DiscordInteractions.InDm("subscribe", Bob, ("query", "transformer"), ("delivery", "instant")));
        Assert.Contains("Subscribed", dmAnswer, StringComparison.Ordinal);

        // Carol through a verb beside the running service (the admin socket).
        var verb = await d.VerbAsync("subscribe", "--email", Carol, "--query", "robotics", "--mode", "instant", "--confirmed");
        Assert.True(verb.ExitCode == 0, verb.Output);

        // Dave through the web form, in his own time zone, for a digest at the next whole minute at least 25 s away.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var slot = NextMinute(DateTimeOffset.UtcNow.AddSeconds(25));
        using (var form = new WebForm(d.WebUri))
        {
            var (status, html) = await form.SubscribeAsync(Dave, "graph OR diffusion", "daily",
                TimeZoneInfo.ConvertTime(slot, zone).ToString("HH:mm", CultureInfo.InvariantCulture), zone.Id);
            Assert.True(status == HttpStatusCode.OK, html);
            await d.EventuallyAsync(() => d.Mail.Confirmations(Dave).Count == 1, TimeSpan.FromSeconds(15), "the confirmation mail");
            using var confirmed = await form.Client.GetAsync(Mailbox.ConfirmLink(d.Mail.Confirmations(Dave)[0]));
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        // The day goes on: new papers on every source, each topic at least once. An arXiv paper is listed by the arXiv
        // API (over two pages), the arXiv RSS announcement and Hugging Face: one paper, one alert.
        var fresh = new List<ShelfPaper>();
        foreach (var topic in PaperShelf.TopicWords)
            fresh.Add(d.Shelf.Publish(ShelfSource.HuggingFace, $"Sure {topic} signal", $"All about {topic}.", topic));
        fresh.Add(d.Shelf.Publish(ShelfSource.Arxiv, "Sure diffusion on arXiv", "All about diffusion, announced everywhere.", "diffusion"));
        fresh.AddRange(d.Shelf.PublishRandom(6, ShelfSource.HuggingFace));
        fresh.AddRange(d.Shelf.PublishRandom(6, ShelfSource.Journal));
        fresh.AddRange(d.Shelf.PublishRandom(5, ShelfSource.Arxiv));
        Assert.True(DateTimeOffset.UtcNow < slot.AddSeconds(-8), "the setup took too long for the digest slot");

        var toChannel = Delivered.Sorted(fresh.Where(p => p.Topics.Contains("diffusion")));
        var toBob = Delivered.Sorted(fresh.Where(p => p.Topics.Contains("transformer")));
        var toCarol = Delivered.Sorted(fresh.Where(p => p.Topics.Contains("robotics")));
        var toDave = Delivered.Sorted(fresh.Where(p => p.Topics.Contains("graph") || p.Topics.Contains("diffusion")));

        await d.EventuallyAsync(() => Delivered.ToDiscordChannel(d, DiscordInteractions.Channel).Count >= toChannel.Count
            && Delivered.ToDiscordUser(d, Bob).Count >= toBob.Count && Delivered.ToEmail(d, Carol).Count >= toCarol.Count,
            TimeSpan.FromSeconds(30), "the instant alerts");
        await d.EventuallyAsync(() => Delivered.ToEmail(d, Dave).Count >= toDave.Count, slot - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20), "Dave's digest");
        await Task.Delay(TimeSpan.FromSeconds(3)); // a few more dispatch passes: nothing more may arrive

        Assert.Equal(toChannel, Delivered.ToDiscordChannel(d, DiscordInteractions.Channel).Order());
        Assert.Equal(toBob, Delivered.ToDiscordUser(d, Bob).Order());
        Assert.Equal(toCarol, Delivered.ToEmail(d, Carol).Order());
        Assert.Equal(toDave, Delivered.ToEmail(d, Dave).Order());
        Assert.Single(d.Mail.Papers(Dave)); // one digest, not one mail per paper
        Assert.True(DateTimeOffset.UtcNow >= slot, "the digest went out before its time");
        Assert.DoesNotContain(baseline, p => Delivered.ToEmail(d, Dave).Contains(p.Serial)); // the baseline alerts nobody
        Assert.Equal(d.Mail.Accepted.Count, d.Mail.Distinct.Count); // nothing even re-sent on a quiet day

        // One stored record per paper, known to each source that listed it.
        foreach (var source in (string[])["arxiv", "arxiv-rss", "huggingface"])
        {
            var latest = await d.VerbAsync("latest", "--count", "50", "--source", source);
            Assert.True(latest.Output.Split("Sure diffusion on arXiv").Length == 2, $"latest --source {source}:\n{latest.Output}");
        }

        var health = await d.Process!.HealthAsync();
        Assert.True(health.Status == "healthy", health.Text);
        Assert.Equal(0, await d.Process.StopAsync());
    }

    private static DateTimeOffset NextMinute(DateTimeOffset t) =>
        new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero).AddMinutes(1);
}
