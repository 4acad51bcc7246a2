using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Incidents;

/// <summary>One incident, told to one recipient.</summary>
/// <param name="Paused">For a paused target: the recipient's subscriptions there (what they lose); empty otherwise.</param>
public sealed record OwnerNotice(Incident Incident, Subscriber Recipient, IReadOnlyList<Subscription> Paused)
{
    /// <summary>The same for every attempt, so the far end can drop a repeat after a crash between send and record.</summary>
    public string IdempotencyKey => Incident.Id + "|" + Recipient.TargetKey;
}

/// <summary>A way to tell an owner at once (Discord). Email owners read it in their next digest instead (<see cref="DigestNotices"/>).</summary>
public interface IOwnerNoticeChannel
{
    bool Serves(SubscriberKind kind);

    /// <summary>Sent, transient (tried again next pass) or permanent (this recipient cannot be reached: not tried again for this incident).</summary>
    Task<DeliveryResult> SendAsync(OwnerNotice notice, CancellationToken ct);
}
