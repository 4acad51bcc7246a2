using System.Diagnostics.Metrics;

namespace PaperBot.Discord.Tests.Support;

/// <summary>Records the measurements of one service provider's meters (its <see cref="IMeterFactory"/>), so tests
/// running in parallel never see each other's.</summary>
public sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, string Tags)> _measurements = [];

    public MeterRecorder(IMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Asks the observable instruments (gauges) for their values now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    /// <summary>The sum of <paramref name="instrument"/>'s measurements whose tags contain <paramref name="tag"/> ("key=value").</summary>
    public double Sum(string instrument, string? tag = null) => Matching(instrument, tag).Sum(m => m.Value);

    public int Count(string instrument, string? tag = null) => Matching(instrument, tag).Count;

    public double? Last(string instrument) => Matching(instrument, null).Select(m => (double?)m.Value).LastOrDefault();

    private List<(string Instrument, double Value, string Tags)> Matching(string instrument, string? tag)
    {
        lock (_measurements) return [.. _measurements.Where(m => m.Instrument == instrument && (tag is null || m.Tags.Split(',').Contains(tag)))];
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
        lock (_measurements) _measurements.Add((instrument.Name, value, text));
    }

    public void Dispose() => _listener.Dispose();
}
