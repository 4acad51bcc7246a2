using Microsoft.Extensions.Logging;
using PaperBot.Core.Delivery;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Incidents;

/// <summary>What one pass told whom.</summary>
public sealed record NoticeReport(int Open, int Sent, int Retrying, int Unreachable);

/// <summary>
/// One pass: refresh the incidents, then tell each affected owner the channels can reach, once. A failing source
/// affects every target with an active subscription. A paused target is the one place not to post (it refused us):
/// the people who created its subscriptions hear of it in their DMs instead, when known. A notice is recorded only
/// once sent (or refused for good), so a transient failure is tried again next pass and a restart tells no one twice.
/// An incident whose owners were all told is looked at again only after <see cref="Recheck"/> (for owners who
/// subscribed since): reading every subscription each minute is seconds of work at a million.
/// </summary>
public sealed partial class OwnerNotifier(IncidentTracker tracker, IIncidentStore incidents, ISubscriptionStore subscriptions,
    IEnumerable<IOwnerNoticeChannel> channels, NoticePasses passes, TimeProvider time, ILogger<OwnerNotifier> log)
{
    /// <summary>Transient failures in a row after which a pass stops: the far end is down, the next pass tries again.</summary>
    private const int GiveUpAfter = 5;

    public static readonly TimeSpan Recheck = TimeSpan.FromHours(1);

    private readonly IReadOnlyList<IOwnerNoticeChannel> _channels = [.. channels];
    private readonly Dictionary<string, DateTimeOffset> _settledUntil = passes.SettledUntil;

    public async Task<NoticeReport> RunOnceAsync(CancellationToken ct)
    {
        await passes.OnePass.WaitAsync(ct);
        try
        {
            return await PassAsync(ct);
        }
        finally
        {
            passes.OnePass.Release();
        }
    }

    private async Task<NoticeReport> PassAsync(CancellationToken ct)
    {
        var open = tracker.Refresh();
        var now = time.GetUtcNow();
        foreach (var gone in _settledUntil.Keys.Where(id => open.All(i => i.Id != id)).ToList()) _settledUntil.Remove(gone);
        int sent = 0, retrying = 0, unreachable = 0, inARow = 0;
        foreach (var incident in open)
        {
            if (_settledUntil.TryGetValue(incident.Id, out var until) && now < until) continue;
            var told = incidents.Told(incident.Id);
            var settled = true;
            foreach (var notice in Recipients(incident, Affected(incident)))
            {
                if (_channels.FirstOrDefault(c => c.Serves(notice.Recipient.Kind)) is not { } channel) continue;
                if (told.Contains(notice.Recipient.TargetKey)) continue;
                switch (await SendAsync(channel, notice, ct))
                {
                    case DeliveryResult.Sent:
                        incidents.Record(new NoticeRecord(notice.Incident.Id, notice.Recipient.TargetKey, time.GetUtcNow()));
                        sent++;
                        inARow = 0;
                        break;
                    case DeliveryResult.Permanent permanent:
                        incidents.Record(new NoticeRecord(notice.Incident.Id, notice.Recipient.TargetKey, time.GetUtcNow(), permanent.Reason));
                        Unreachable(notice.Incident.Id, notice.Recipient.TargetKey, permanent.Reason);
                        unreachable++;
                        inARow = 0;
                        break;
                    case DeliveryResult.Transient transient:
                        Retrying(notice.Incident.Id, notice.Recipient.TargetKey, transient.Reason);
                        retrying++;
                        settled = false;
                        if (++inARow == GiveUpAfter) return new NoticeReport(open.Count, sent, retrying, unreachable);
                        break;
                }
            }
            if (settled) _settledUntil[incident.Id] = now + Recheck;
        }
        return new NoticeReport(open.Count, sent, retrying, unreachable);
    }

    /// <summary>The subscriptions an incident may concern: every one for a failing source, the target's own for a pause.</summary>
    private IReadOnlyList<Subscription> Affected(Incident incident) =>
        incident.Kind == IncidentKind.SourceFailing ? subscriptions.All() : subscriptions.ForTarget(incident.Subject);

    /// <summary>Who is told of an incident, and about which of their subscriptions.</summary>
    public static IEnumerable<OwnerNotice> Recipients(Incident incident, IReadOnlyList<Subscription> subscriptions)
    {
        if (incident.Kind == IncidentKind.SourceFailing)
        {
            return subscriptions.Where(s => s.IsActive)
                .GroupBy(s => s.Subscriber.TargetKey, StringComparer.Ordinal)
                .Select(target => new OwnerNotice(incident, target.First().Subscriber, []));
        }
        // Only a channel has someone else to tell; a user whose DMs refuse us cannot be told, an address hears of it in its digests.
        return subscriptions
            .Where(s => s.Subscriber.TargetKey == incident.Subject && s.PausedReason == incident.Detail
                && s.Subscriber.Kind == SubscriberKind.DiscordChannel && s.CreatedBy is not null)
            .GroupBy(s => s.CreatedBy!, StringComparer.Ordinal)
            .Select(creator => new OwnerNotice(incident, Subscriber.DiscordUser(creator.Key), [.. creator]));
    }

    private async Task<DeliveryResult> SendAsync(IOwnerNoticeChannel channel, OwnerNotice notice, CancellationToken ct)
    {
        try
        {
            return await channel.SendAsync(notice, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A bug in a channel must not stop the other notices: tried again next pass.
            Threw(notice.Incident.Id, notice.Recipient.TargetKey, e);
            return new DeliveryResult.Transient("unexpected error: " + e.Message);
        }
    }

    [LoggerMessage(EventId = 7011, Level = LogLevel.Warning, Message = "Notice of incident {IncidentId} to {Target} failed ({Reason}); tried again next pass")]
    private partial void Retrying(string incidentId, string target, string reason);

    [LoggerMessage(EventId = 7012, Level = LogLevel.Warning, Message = "Notice of incident {IncidentId} cannot reach {Target} ({Reason}); not tried again for this incident")]
    private partial void Unreachable(string incidentId, string target, string reason);

    [LoggerMessage(EventId = 7013, Level = LogLevel.Error, Message = "Notice of incident {IncidentId} to {Target} threw")]
    private partial void Threw(string incidentId, string target, Exception exception);
}

/// <summary>
/// What the passes of <see cref="OwnerNotifier"/> share (one per process): the notifier is transient like the sources
/// its tracker reads, and the minute job gets a new one each run. One pass at a time (the job and `deliver` beside the
/// service would otherwise tell the same owners before either recorded it), and which incidents are settled until when.
/// </summary>
public sealed class NoticePasses
{
    internal SemaphoreSlim OnePass { get; } = new(1, 1);
    internal Dictionary<string, DateTimeOffset> SettledUntil { get; } = new(StringComparer.Ordinal);
}
