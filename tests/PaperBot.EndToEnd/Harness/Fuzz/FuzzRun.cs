using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PaperBot.EndToEnd.Harness.Fuzz;

/// <summary>
/// One fuzzing run: its seed (<c>PAPERBOT_E2E_SEED</c>, else fixed in the default run and fresh in a long one), its
/// time budget (seconds by default, minutes with <c>PAPERBOT_E2E_LONG=1</c>), how many inputs of each kind were tried,
/// and the inputs that broke a promise, kept on disk for the replay.
/// </summary>
public sealed class FuzzRun
{
    private readonly ConcurrentDictionary<string, int> _tried = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _defects = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _budget;

    public FuzzRun(int defaultSeed, TimeSpan quick, TimeSpan @long)
    {
        Seed = System.Environment.GetEnvironmentVariable("PAPERBOT_E2E_SEED") is { Length: > 0 } one
            ? int.Parse(one, CultureInfo.InvariantCulture)
            : Trials.Long ? System.Environment.TickCount & 0x7FFFFFFF : defaultSeed;
        _budget = Trials.Long ? @long : quick;
    }

    public int Seed { get; }

    /// <summary>A mutator for one kind of input, its own sequence derived from the seed (kinds run concurrently).</summary>
    public Mutator MutatorFor(string kind) => new(unchecked(Seed * 7919 + Stable(kind)));

    /// <summary>Whether the budget has time left; <paramref name="share"/> of it when several phases split it.</summary>
    public bool HasTime(double share = 1.0) => _clock.Elapsed < _budget * share;

    /// <summary>Restarts the budget's clock (after the deployment's set-up, which is not fuzzing).</summary>
    public void StartClock() => _clock.Restart();

    public void Tried(string kind, string outcome)
    {
        _tried.AddOrUpdate(kind, 1, (_, n) => n + 1);
        _outcomes.AddOrUpdate($"{kind} → {outcome}", 1, (_, n) => n + 1);
    }

    public int Count(string kind) => _tried.GetValueOrDefault(kind);

    /// <summary>Records a broken promise with its input (written to a file named in the message).</summary>
    public void Defect(string kind, string what, byte[] input)
    {
        var file = Path.Combine(Path.GetTempPath(), "paperbot-e2e", $"fuzz-{Seed}-{Stable(kind):x8}-{_defects.Count}.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, input);
        _defects.Enqueue($"{kind}: {what} (input: {file}, {input.Length} bytes)");
    }

    public IReadOnlyList<string> Defects => [.. _defects];

    /// <summary>The run's report: the seed, the inputs of each kind and their outcomes.</summary>
    public string Report()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"fuzz seed {Seed} (replay: PAPERBOT_E2E_SEED={Seed}), {_clock.Elapsed.TotalSeconds:0} s, {_tried.Values.Sum()} inputs");
        foreach (var (kind, n) in _tried.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var outcomes = _outcomes.Where(o => o.Key.StartsWith(kind + " → ", StringComparison.Ordinal))
                .OrderByDescending(o => o.Value).Select(o => $"{o.Key[(kind.Length + 3)..]} {o.Value}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {kind}: {n} ({string.Join(", ", outcomes)})");
        }
        foreach (var d in _defects) sb.AppendLine("  DEFECT " + d);
        return sb.ToString();
    }

    private static int Stable(string text)
    {
        var hash = 17;
        foreach (var c in text) hash = unchecked(hash * 31 + c);
        return hash;
    }
}
