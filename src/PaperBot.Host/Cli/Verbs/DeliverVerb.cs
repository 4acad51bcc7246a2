using System.CommandLine;
using PaperBot.Core.Delivery;
using PaperBot.Core.Incidents;
using PaperBot.Host.Cli.Output;
using PaperBot.Discord.Delivery;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot deliver</c>: one pass of what the service's schedule does every minute: owner notices of open
/// incidents (which also opens the incidents the next digests mention), then one dispatch pass — due instant alerts and
/// due digests.</summary>
public static class DeliverVerb
{
    public sealed record Counts(int Sent, int Papers, int Retrying, int Failed, int NoChannel, int EmptyDigestsSkipped, int Recovered,
        IReadOnlyList<string> Paused, IReadOnlyList<BatchOutcome> Batches, int Incidents, int NoticesSent);

    public static Command Create(CliContext ctx)
    {
        var json = CommonOptions.Json();
        var command = new Command("deliver", "Run one dispatch pass now: due instant alerts and due digests.") { json };
        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            // With Discord off, alerts are previewed: on stderr under --json, so stdout stays one JSON document; inside the running service
            // the scheduled passes print to the service's console again afterwards.
            // (With Discord on there is no preview: alerts go to Discord.)
            var preview = ctx.Settings.Discord.Enabled ? null : ctx.Get<DiscordPreview>();
            var console = preview?.Output;
            if (preview is not null) preview.Output = asJson ? ctx.Err : ctx.Out;
            DispatchReport report;
            NoticeReport notices;
            try
            {
                notices = await ctx.Get<OwnerNotifier>().RunOnceAsync(ct);
                report = await ctx.Get<DispatchService>().RunOnceAsync(ct);
            }
            finally
            {
                if (preview is not null) preview.Output = console!;
            }
            var counts = new Counts(report.Count(DispatchOutcome.Sent), report.PapersDelivered, report.Count(DispatchOutcome.Retrying),
                report.Count(DispatchOutcome.Failed), report.Count(DispatchOutcome.NoChannel), report.Count(DispatchOutcome.EmptySkipped),
                report.Recovered, report.Paused, report.Batches, notices.Open, notices.Sent);
            if (asJson) Json.Write(ctx.Out, counts);
            else Print(ctx.Out, counts);
            return counts.Failed > 0 ? CliApp.Failed : CliApp.Ok;
        });
        return command;
    }

    private static void Print(TextWriter w, Counts c)
    {
        w.WriteLine($"sent {c.Sent} batch(es) with {c.Papers} paper(s); {c.Retrying} retrying, {c.Failed} failed, {c.EmptyDigestsSkipped} empty digest(s) skipped");
        if (c.Recovered > 0) w.WriteLine($"recovered {c.Recovered} item(s) left in flight by an earlier run");
        if (c.Incidents > 0) w.WriteLine($"{c.Incidents} open incident(s); told {c.NoticesSent} owner(s) not told before");
        if (c.NoChannel > 0) w.WriteLine($"{c.NoChannel} batch(es) have no delivery channel configured and stay queued");
        foreach (var b in c.Batches.Where(b => b.Outcome is DispatchOutcome.Retrying or DispatchOutcome.Failed or DispatchOutcome.NoChannel))
            w.WriteLine($"  {b.Outcome.ToString().ToLowerInvariant()}: {Terminal.Clean(b.Target)}: {Terminal.Clean(b.Detail)}");
        foreach (var id in c.Paused) w.WriteLine($"  paused subscription {id}");
    }
}
