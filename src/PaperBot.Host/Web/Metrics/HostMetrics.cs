using System.Diagnostics.Metrics;
using PaperBot.Core.Outbox;
using PaperBot.Storage;

namespace PaperBot.Host.Web.Metrics;

/// <summary>The <c>PaperBot.Host</c> meter: outbox gauges read at scrape time from the Status index, at most once
/// every few seconds however often Prometheus asks.</summary>
public sealed class HostMetrics : IDisposable
{
    public const string MeterName = "PaperBot.Host";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly Meter _meter = new(MeterName);
    private readonly OutboxCounts _outbox;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private IReadOnlyDictionary<OutboxStatus, int> _counts = new Dictionary<OutboxStatus, int>();
    private DateTimeOffset _countedAt = DateTimeOffset.MinValue;

    public HostMetrics(OutboxCounts outbox, TimeProvider time)
    {
        _outbox = outbox;
        _time = time;
        _meter.CreateObservableGauge("outbox_items", Observe, description: "Outbox items not yet delivered (pending, sending) and failed.");
    }

    private IEnumerable<Measurement<int>> Observe()
    {
        IReadOnlyDictionary<OutboxStatus, int> counts;
        lock (_gate)
        {
            if (_time.GetUtcNow() - _countedAt >= CacheFor)
            {
                _counts = _outbox.Open();
                _countedAt = _time.GetUtcNow();
            }
            counts = _counts;
        }
        return counts.Select(kv => new Measurement<int>(kv.Value, new KeyValuePair<string, object?>("status", kv.Key.ToString().ToLowerInvariant())));
    }

    public void Dispose() => _meter.Dispose();
}
