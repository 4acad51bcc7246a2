using PaperBot.EndToEnd.Harness;
using Xunit.Abstractions;

namespace PaperBot.EndToEnd;

// Two classes so that the two kinds of trial run side by side.

/// <summary>SIGKILL while a source's batch is being stored, indexed, matched and queued.</summary>
public sealed class IngestCrashTests(ITestOutputHelper output)
{
    private static readonly int Waves = Trials.Long ? 6 : 2;

    [Fact]
    public async Task Killing_the_process_at_seeded_points_during_ingest_loses_no_matched_paper_and_delivers_none_twice()
    {
        foreach (var seed in Trials.Seeds(quick: 1, @long: 10, offset: 1400))
        {
            await using var d = await Deployment.CreateAsync(seed);
            var trial = new CrashTrial(d, seed);
            await trial.SetUpAsync();
            for (var wave = 0; wave < Waves; wave++) await trial.WaveAsync(CrashPoint.Ingest);
            Assert.Equal(Waves, trial.Kills);
            output.WriteLine(trial.Summary);
        }
    }
}

/// <summary>SIGKILL right after a message reached Discord or the SMTP server, before it may have been marked sent.</summary>
public sealed class DispatchCrashTests(ITestOutputHelper output)
{
    private static readonly int Waves = Trials.Long ? 6 : 2;

    [Fact]
    public async Task Killing_the_process_at_seeded_points_during_dispatch_loses_no_matched_paper_and_delivers_none_twice()
    {
        foreach (var seed in Trials.Seeds(quick: 1, @long: 10, offset: 2400))
        {
            await using var d = await Deployment.CreateAsync(seed);
            var trial = new CrashTrial(d, seed);
            await trial.SetUpAsync();
            for (var wave = 0; wave < Waves; wave++) await trial.WaveAsync(CrashPoint.Dispatch);
            Assert.Equal(Waves, trial.Kills);
            output.WriteLine(trial.Summary);
        }
    }
}
