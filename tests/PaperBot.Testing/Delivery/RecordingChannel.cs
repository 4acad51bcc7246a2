using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Testing.Delivery;

/// <summary>
/// A delivery channel for tests that plays the far end too: it records every attempt, answers with
/// <see cref="Behaviour"/> (sent by default), and, like Discord with a nonce or a mail store with a Message-ID,
/// drops a repeat of an idempotency key it already accepted.
/// </summary>
public sealed class RecordingChannel : IDeliveryChannel
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _keys = [];

    public List<DeliveryBatch> Attempts { get; } = [];

    /// <summary>What reached the far end, repeats dropped, in order of arrival.</summary>
    public List<DeliveryBatch> Delivered { get; } = [];

    /// <summary>Every accepted send, repeats included (a crash between send and mark causes one).</summary>
    public List<DeliveryBatch> Accepted { get; } = [];

    public Func<DeliveryBatch, DeliveryResult> Behaviour { get; set; } = _ => new DeliveryResult.Sent();

    public bool Serves(SubscriberKind kind) => true;

    public Task<DeliveryResult> SendAsync(DeliveryBatch batch, CancellationToken ct)
    {
        lock (_gate)
        {
            Attempts.Add(batch);
            var result = Behaviour(batch);
            if (result is DeliveryResult.Sent)
            {
                Accepted.Add(batch);
                if (_keys.Add(batch.IdempotencyKey)) Delivered.Add(batch);
            }
            return Task.FromResult(result);
        }
    }

    /// <summary>Each paper shown to each target, as (target, paper id), in arrival order.</summary>
    public IEnumerable<(string Target, string Paper)> DeliveredPapers() =>
        Delivered.SelectMany(b => b.Entries.Select(e => (b.Subscriber.TargetKey, e.Paper.Id.Value)));
}
