
namespace PaperBot.EndToEnd.Harness;

/// <summary>Where a wave's SIGKILL lands.</summary>
public enum CrashPoint
{
    /// <summary>Moments after a source's poll reached the fixture server: the batch is being stored, indexed,
    /// matched and queued.</summary>
    Ingest,

    /// <summary>Right after the k-th message reached Discord or the SMTP server: sent, maybe not yet marked sent.</summary>
    Dispatch,
}

/// <summary>
/// One seeded trial: subscriptions on several Discord channels, DMs and email addresses, then waves of new papers,
/// each wave cut by a SIGKILL at a random <see cref="CrashPoint"/> and a restart on the same data. After every wave
/// each target must hold exactly the papers it matched: none lost, none twice (Discord by nonce, email by
/// Message-ID, as the real far ends de-duplicate).
/// </summary>
public sealed class CrashTrial(Deployment d, int seed)
{
    private readonly Random _random = new(seed);
    private readonly List<Target> _targets = [];
    private readonly List<ShelfPaper> _fresh = [];

    public int Kills { get; private set; }

    /// <summary>Messages the far ends received again after a kill and dropped as repeats (same nonce, same
    /// Message-ID): proof that kills landed between a send and its record.</summary>
    public int RepeatsDropped =>
        d.Discord.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal) && r.Status == 200) - d.Discord.Messages.Count
        + d.Mail.Accepted.Count - d.Mail.Distinct.Count;

    public string Summary => $"seed {seed}: {Kills} kills, {_fresh.Count} new papers, {_targets.Sum(t => t.Delivered().Count)} deliveries, {RepeatsDropped} repeats dropped by the far ends";

    private sealed record Target(string Name, Func<List<int>> Delivered, Func<ShelfPaper, bool> Wants);

    public async Task SetUpAsync()
    {
        await d.StartWithBaselineAsync();

        (string Channel, string Query, Func<ShelfPaper, bool> Wants)[] channels =
        [
            ("511", "diffusion", p => p.Topics.Contains("diffusion")),
            ("512", "robotics OR graph", p => p.Topics.Contains("robotics") || p.Topics.Contains("graph")),
            ("513", "transformer", p => p.Topics.Contains("transformer")),
        ];
        foreach (var (channel, query, wants) in channels)
        {
            await d.SubscribeChannelAsync(channel, query);
            _targets.Add(new($"channel {channel}", () => Delivered.ToDiscordChannel(d, channel), wants));
        }
        (string User, string Query, Func<ShelfPaper, bool> Wants)[] users =
        [
            ("903", "graph", p => p.Topics.Contains("graph")),
            ("904", "diffusion OR transformer", p => p.Topics.Contains("diffusion") || p.Topics.Contains("transformer")),
        ];
        foreach (var (user, query, wants) in users)
        {
            var answer = await d.Interactions.CommandAsync(DiscordInteractions.InDm("subscribe", user, ("query", query), ("delivery", "instant")));
            Assert.Contains("Subscribed", answer, StringComparison.Ordinal);
            _targets.Add(new($"DMs of {user}", () => Delivered.ToDiscordUser(d, user), wants));
        }
        (string Address, string Query, Func<ShelfPaper, bool> Wants)[] emails =
        [
            ("erin@example.org", "robotics", p => p.Topics.Contains("robotics")),
            ("frank@example.org", "diffusion OR graph", p => p.Topics.Contains("diffusion") || p.Topics.Contains("graph")),
        ];
        await Task.WhenAll(emails.Select(e => d.SubscribeEmailAsync(e.Address, e.Query)));
        foreach (var (address, _, wants) in emails) _targets.Add(new(address, () => Delivered.ToEmail(d, address), wants));
    }

    /// <summary>New papers on both sources, a SIGKILL at <paramref name="point"/>, a restart, and the check.</summary>
    public async Task WaveAsync(CrashPoint point)
    {
        var pollsBefore = d.Sources.Requests.Count;
        var sentBefore = SentSoFar();
        var wave = d.Shelf.PublishRandom(_random.Next(5, 25), ShelfSource.HuggingFace).Concat(d.Shelf.PublishRandom(_random.Next(3, 15), ShelfSource.Journal)).ToList();
        _fresh.AddRange(wave);

        if (point == CrashPoint.Ingest)
        {
            await Until(() => d.Sources.Requests.Count > pollsBefore, TimeSpan.FromSeconds(5));
            await Task.Delay(_random.Next(0, 40));
        }
        else
        {
            var k = _random.Next(1, 5);
            await Until(() => SentSoFar() >= sentBefore + k, TimeSpan.FromSeconds(8));
        }
        await d.KillAsync();
        Kills++;
        await d.StartAsync();

        await d.EventuallyAsync(() => _targets.All(t => t.Delivered().Count >= _fresh.Count(t.Wants)), TimeSpan.FromSeconds(30),
            $"seed {seed}: every target's papers after a kill at {point}");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // more passes: nothing more may arrive
        foreach (var t in _targets)
            Assert.True(Delivered.Sorted(_fresh.Where(t.Wants)).SequenceEqual(t.Delivered().Order()),
                $"seed {seed}, {t.Name}: expected [{string.Join(",", Delivered.Sorted(_fresh.Where(t.Wants)))}] got [{string.Join(",", t.Delivered().Order())}]\n{d.Logs()}");
    }

    private int SentSoFar() => d.Discord.Messages.Count + d.Mail.Accepted.Count;

    /// <summary>Polls tightly (the kill must land close to the event); gives up quietly: a late kill is a trial too.</summary>
    private static async Task Until(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(1);
    }
}
