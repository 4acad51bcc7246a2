using System.Diagnostics.Metrics;

namespace PaperBot.Core.Telemetry;

/// <summary>
/// The <c>PaperBot.Core</c> meter (BCL metrics, no exporter here): the host exports every <c>PaperBot.*</c> meter.
/// Instruments are process-wide, like the meter; tags keep sources and channels apart.
/// </summary>
public static class CoreMetrics
{
    public const string MeterName = "PaperBot.Core";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> PapersIngested =
        Meter.CreateCounter<long>("papers_ingested", description: "New papers stored, per source.");

    private static readonly Histogram<double> IngestDuration =
        Meter.CreateHistogram<double>("ingest_duration_seconds", "s", "One poll of one source, fetch to stored.");

    private static readonly Counter<long> IngestFailures =
        Meter.CreateCounter<long>("ingest_failures", description: "Failed polls, per source.");

    private static readonly Histogram<double> MatchDuration =
        Meter.CreateHistogram<double>("match_duration_seconds", "s", "Matching one batch of new papers and queueing its alerts.");

    private static readonly Counter<long> AlertsQueued =
        Meter.CreateCounter<long>("alerts_queued", description: "Outbox items written by matching.");

    private static readonly Counter<long> Batches =
        Meter.CreateCounter<long>("delivery_batches", description: "Dispatched batches, per kind and outcome.");

    private static readonly Counter<long> ItemsSent =
        Meter.CreateCounter<long>("outbox_sent_items", description: "Outbox items delivered.");

    private static readonly Histogram<double> DeliveryLatency =
        Meter.CreateHistogram<double>("delivery_latency_seconds", "s", "From an item entering the outbox to its batch arriving.");

    public static void Ingested(string source, int newPapers, TimeSpan duration, bool failed)
    {
        var tag = new KeyValuePair<string, object?>("source", source);
        if (newPapers > 0) PapersIngested.Add(newPapers, tag);
        if (failed) IngestFailures.Add(1, tag);
        IngestDuration.Record(duration.TotalSeconds, tag);
    }

    public static void Matched(int queued, TimeSpan duration)
    {
        MatchDuration.Record(duration.TotalSeconds);
        if (queued > 0) AlertsQueued.Add(queued);
    }

    public static void Dispatched(string kind, string outcome) =>
        Batches.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    public static void Delivered(string kind, int items, IEnumerable<TimeSpan> latencies)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        ItemsSent.Add(items, tag);
        foreach (var latency in latencies) DeliveryLatency.Record(Math.Max(0, latency.TotalSeconds), tag);
    }
}
