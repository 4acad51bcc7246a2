using PaperBot.Core.Delivery;

namespace PaperBot.Email.Health;

/// <summary>The email adapter's live status: the last outcome and which messages wait for a retry.</summary>
public sealed class EmailHealth(string transport)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _awaitingRetry = new(StringComparer.Ordinal);

    /// <summary>"smtp", "pickup" or "off".</summary>
    public string Transport { get; } = transport;

    public EmailStatus Snapshot()
    {
        lock (_gate) return _status with { AwaitingRetry = _awaitingRetry.Count };
    }

    private EmailStatus _status = new(null, null, null, 0, 0, 0, 0);

    /// <param name="retryKey">The Message-ID a retry will reuse (digests), so a later success clears the failure;
    /// null for one-off messages.</param>
    public void Record(DeliveryResult result, DateTimeOffset at, string? retryKey)
    {
        lock (_gate)
        {
            var s = _status;
            switch (result)
            {
                case DeliveryResult.Sent:
                    _status = s with { LastOutcome = "sent", LastOutcomeAt = at, LastSuccessAt = at, ConsecutiveFailures = 0, Sent = s.Sent + 1 };
                    if (retryKey is not null) _awaitingRetry.Remove(retryKey);
                    break;
                case DeliveryResult.Transient:
                    _status = s with { LastOutcome = "transient", LastOutcomeAt = at, ConsecutiveFailures = s.ConsecutiveFailures + 1, Failed = s.Failed + 1 };
                    if (retryKey is not null) _awaitingRetry.Add(retryKey);
                    break;
                default:
                    _status = s with { LastOutcome = "permanent", LastOutcomeAt = at, Failed = s.Failed + 1 };
                    if (retryKey is not null) _awaitingRetry.Remove(retryKey);
                    break;
            }
        }
    }
}

/// <param name="LastOutcome">"sent", "transient" or "permanent"; null before the first send.</param>
/// <param name="ConsecutiveFailures">Transient failures since the last message went out.</param>
/// <param name="AwaitingRetry">Digests whose last attempt failed transiently and that are queued for a retry.</param>
public sealed record EmailStatus(string? LastOutcome, DateTimeOffset? LastOutcomeAt, DateTimeOffset? LastSuccessAt,
    int ConsecutiveFailures, int AwaitingRetry, long Sent, long Failed);
