using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing.Delivery;

namespace PaperBot.Core.Tests.Delivery;

public class ExactlyOnceTests
{
    private static readonly Subscriber Ann = Subscriber.Email("ann@example.org");
    private static readonly Subscriber Channel = Subscriber.DiscordChannel("111", "222");

    [Fact]
    public async Task An_instant_alert_is_sent_on_the_next_pass_and_never_again()
    {
        using var rig = new DeliveryRig();
        rig.Subscribe(Channel, "diffusion");
        rig.Arrive("huggingface", rig.NewPaper("diffusion"));

        await rig.RunForAsync(TimeSpan.FromSeconds(30)); // the job's period: within a minute of ingest
        Assert.Single(rig.Channel.Delivered);
        await rig.RunForAsync(TimeSpan.FromHours(1));

        var batch = Assert.Single(rig.Channel.Attempts);
        Assert.Equal(BatchKind.Alert, batch.Kind);
        Assert.Single(batch.Entries);
    }

    [Fact]
    public async Task Re_importing_the_same_paper_or_receiving_it_from_a_second_source_sends_it_once()
    {
        using var rig = new DeliveryRig();
        rig.Subscribe(Channel, "diffusion");
        var paper = rig.NewPaper("diffusion");
        rig.Arrive("huggingface", paper);
        await rig.PassAsync();

        rig.Arrive("huggingface", paper);
        rig.Arrive("arxiv", paper with { Abstract = "The arXiv abstract." });
        rig.Outbox.Enqueue(new SubscriptionMatcher(rig.Db.Subscriptions).Match([paper])); // a re-match
        await rig.RunForAsync(TimeSpan.FromHours(1));

        Assert.Single(rig.Channel.Attempts);
    }

    [Fact]
    public async Task Two_subscriptions_of_one_target_matching_one_paper_send_it_once_with_both_reasons()
    {
        using var rig = new DeliveryRig();
        rig.Subscribe(Channel, "diffusion");
        rig.Subscribe(Channel, "video");
        rig.Arrive("huggingface", rig.NewPaper("video diffusion"));

        await rig.RunForAsync(TimeSpan.FromHours(1));

        var entry = Assert.Single(Assert.Single(rig.Channel.Attempts).Entries);
        Assert.Equal(["diffusion", "video"], entry.Why.Select(w => w.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_paper_alerted_instantly_is_not_repeated_in_the_same_targets_later_digest()
    {
        using var rig = new DeliveryRig();
        rig.Subscribe(Ann, "diffusion");
        rig.Subscribe(Ann, "video", DeliveryMode.Daily, at: new TimeOnly(8, 0));
        rig.Arrive("huggingface", rig.NewPaper("video diffusion"), rig.NewPaper("video only"));

        await rig.RunForAsync(TimeSpan.FromDays(1), TimeSpan.FromMinutes(5));

        Assert.Equal(2, rig.Channel.Attempts.Count);
        var alert = rig.Channel.Attempts[0];
        var digest = rig.Channel.Attempts[1];
        Assert.Equal(BatchKind.Alert, alert.Kind);
        Assert.Contains("video diffusion", Assert.Single(alert.Entries).Paper.Title, StringComparison.Ordinal);
        Assert.Equal(BatchKind.Digest, digest.Kind);
        Assert.Contains("video only", Assert.Single(digest.Entries).Paper.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscription_added_after_delivery_never_gets_the_same_paper_again_for_that_target()
    {
        using var rig = new DeliveryRig();
        rig.Subscribe(Channel, "diffusion");
        var paper = rig.NewPaper("video diffusion");
        rig.Arrive("huggingface", paper);
        await rig.PassAsync();

        var later = rig.Subscribe(Channel, "video");
        Assert.Equal(0, rig.Outbox.Enqueue([new PaperMatch(later.Id, paper.Id, [new MatchHit("title", "video")], 1)]));
        await rig.RunForAsync(TimeSpan.FromHours(1));

        Assert.Single(rig.Channel.Attempts);
    }

    [Fact]
    public async Task Different_targets_matching_one_paper_each_get_it()
    {
        using var rig = new DeliveryRig();
        rig.Subscribe(Channel, "diffusion");
        rig.Subscribe(Ann, "diffusion");
        rig.Arrive("huggingface", rig.NewPaper("diffusion"));

        await rig.PassAsync();

        Assert.Equal(new[] { Ann.TargetKey, Channel.TargetKey }.Order(StringComparer.Ordinal), rig.Channel.Delivered.Select(b => b.Subscriber.TargetKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_large_instant_backlog_goes_out_in_bounded_batches_in_arrival_order()
    {
        using var rig = new DeliveryRig(maxItemsPerDigest: 10);
        rig.Subscribe(Channel, "diffusion");
        var papers = Enumerable.Range(0, 25).Select(_ => rig.NewPaper("diffusion")).ToList();
        foreach (var p in papers)
        {
            rig.Arrive("huggingface", p);
            rig.Db.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await rig.PassAsync();

        Assert.Equal([10, 10, 5], rig.Channel.Delivered.Select(b => b.Entries.Count));
        Assert.Equal(papers.Select(p => p.Id), rig.Channel.DeliveredPapers().Select(x => PaperId.Parse(x.Paper)));
    }

    [Fact]
    public async Task Items_of_a_removed_subscription_are_discarded_not_sent_and_the_targets_other_subscriptions_still_get_theirs()
    {
        using var rig = new DeliveryRig();
        var gone = rig.Subscribe(Channel, "diffusion", DeliveryMode.Daily);
        rig.Subscribe(Channel, "video", DeliveryMode.Daily);
        rig.Arrive("huggingface", rig.NewPaper("diffusion"), rig.NewPaper("video diffusion"));
        rig.Db.Subscriptions.Remove(gone.Id);

        await rig.RunForAsync(TimeSpan.FromDays(1), TimeSpan.FromMinutes(10));

        var digest = Assert.Single(rig.Channel.Delivered);
        Assert.Contains("video diffusion", Assert.Single(digest.Entries).Paper.Title, StringComparison.Ordinal);
        Assert.Empty(rig.Db.Outbox.LoadOpen().Open);
    }
}
