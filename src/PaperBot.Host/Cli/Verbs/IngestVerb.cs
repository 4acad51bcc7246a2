using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Ingestion;
using PaperBot.Host.Cli.Output;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot ingest [--source NAME] [--date D | --from D --to D] [--notify]</c>: runs ingestion now,
/// the same code as the schedule. A plain run alerts (after the baseline); a backfill only with --notify.</summary>
public static class IngestVerb
{
    private const int MaxBackfillDays = 366;

    public static Command Create(CliContext ctx)
    {
        var source = new Option<string?>("--source") { Description = "Only this source (huggingface, arxiv, arxiv-rss, or a feed's name)." };
        var date = new Option<string?>("--date") { Description = "Backfill one day, YYYY-MM-DD." };
        var from = new Option<string?>("--from") { Description = "Backfill from this day, YYYY-MM-DD (with --to)." };
        var to = new Option<string?>("--to") { Description = "Backfill up to this day, YYYY-MM-DD (with --from)." };
        var notify = new Option<bool>("--notify") { Description = "Alert subscribers about new papers of a backfill (default: record silently)." };
        var json = CommonOptions.Json();
        var command = new Command("ingest", "Run ingestion now for one or all enabled sources; prints new / updated / unchanged / rejected.")
        {
            source, date, from, to, notify, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var request = Request(parse.GetValue(date), parse.GetValue(from), parse.GetValue(to));
            var ingestion = ctx.Get<IServiceProvider>().GetRequiredService<IngestionService>();
            if (ingestion.SourceNames.Count == 0)
            {
                ctx.Err.WriteLine("error: no source is enabled (see Sources:* in appsettings.json)");
                return CliApp.Failed;
            }
            var report = await ingestion.RunAsync(parse.GetValue(source), request, parse.GetValue(notify), ct);
            if (parse.GetValue(json)) Json.Write(ctx.Out, report);
            else Print(ctx, report);
            return report.Succeeded ? CliApp.Ok : CliApp.Failed;
        });
        return command;
    }

    private static FetchRequest Request(string? date, string? from, string? to)
    {
        if (date is not null && (from is not null || to is not null)) throw new UsageException("give either --date or --from/--to, not both");
        if (date is not null) return FetchRequest.ForDay(DateArgument.Day("--date", date));
        if (from is null && to is null) return FetchRequest.Latest;
        if (from is null || to is null) throw new UsageException("--from and --to go together");
        var (start, end) = (DateArgument.Day("--from", from), DateArgument.Day("--to", to));
        if (end < start) throw new UsageException($"--to ({to}) is before --from ({from})");
        if (end.DayNumber - start.DayNumber >= MaxBackfillDays) throw new UsageException($"a backfill covers at most {MaxBackfillDays} days; split it");
        return FetchRequest.ForRange(start, end);
    }

    private static void Print(CliContext ctx, IngestionReport report)
    {
        foreach (var s in report.Sources)
        {
            foreach (var rejected in s.RejectedEntries) ctx.Err.WriteLine($"{s.Source}: rejected: {Terminal.Clean(rejected.ToString(), 300)}");
            if (s.Error is not null)
            {
                ctx.Err.WriteLine($"{s.Source}: error: {Terminal.Clean(s.Error, 500)}");
                continue;
            }
            var note = s.Skipped is { } skipped ? $" (skipped: {Terminal.Clean(skipped)})"
                : s.NotModified ? " (not modified since the last poll)"
                : s.NoAnnouncement ? " (no announcement today)"
                : s.Baseline ? " (first poll: recorded as the baseline, nobody alerted)"
                : s.Alerts > 0 ? $", {s.Alerts} alerts queued" : "";
            ctx.Out.WriteLine($"{s.Source}: {s.New} new, {s.Updated} updated, {s.Unchanged} unchanged, {s.Rejected} rejected{note} in {s.Duration.TotalSeconds:0.0} s");
        }
    }
}
