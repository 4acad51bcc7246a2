using System.Diagnostics.Metrics;
using PaperBot.Core.Delivery;

namespace PaperBot.Email.Health;

/// <summary>The <c>PaperBot.Email</c> meter: messages sent, failures by kind, and how long a send took.</summary>
public sealed class EmailMetrics : IDisposable
{
    public const string MeterName = "PaperBot.Email";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _latency;

    public EmailMetrics()
    {
        Meter = new Meter(MeterName);
        _sent = Meter.CreateCounter<long>("sent", "{message}", "Messages the mail server accepted (or written to the pickup folder)");
        _failed = Meter.CreateCounter<long>("failed", "{message}", "Messages not sent, by kind: transient (retried) or permanent");
        _latency = Meter.CreateHistogram<double>("send_duration_seconds", "s", "Time to hand one message over, connection set-up included");
    }

    public Meter Meter { get; }

    public void Record(DeliveryResult result, TimeSpan elapsed)
    {
        switch (result)
        {
            case DeliveryResult.Sent:
                _sent.Add(1);
                break;
            case DeliveryResult.Transient:
                _failed.Add(1, new KeyValuePair<string, object?>("kind", "transient"));
                break;
            default:
                _failed.Add(1, new KeyValuePair<string, object?>("kind", "permanent"));
                break;
        }
        _latency.Record(elapsed.TotalSeconds);
    }

    public void Dispose() => Meter.Dispose();
}
