using System.CommandLine;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Host.Cli.Output;
using PaperBot.Sources.Parsing;
using ParseResult = PaperBot.Core.Ingestion.ParseResult;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot import FILE… [--notify]</c>: reads digest files of any supported format into the store.</summary>
public static class ImportVerb
{
    private const int BatchSize = 1_000;

    public static Command Create(CliContext ctx)
    {
        var files = new Argument<string[]>("file") { Arity = ArgumentArity.OneOrMore, Description = "Files to import: a plain-text page capture, Hugging Face JSON, arXiv Atom or RSS, or any RSS/Atom feed." };
        var notify = new Option<bool>("--notify") { Description = "Alert subscribers about papers new to the store (default: record silently)." };
        var json = CommonOptions.Json();
        var command = new Command("import", "Import digest files; prints new / updated / unchanged / rejected counts.") { files, notify, json };
        command.SetAction(parse => Run(ctx, parse.GetValue(files)!, parse.GetValue(notify), parse.GetValue(json)));
        return command;
    }

    public sealed record FileReport(string File, string? Format, int New, int Updated, int Unchanged, int Rejected, int AlertsQueued, IReadOnlyList<string> Problems);

    private static int Run(CliContext ctx, string[] files, bool notify, bool json)
    {
        var missing = files.Where(f => !File.Exists(ctx.Resolve(f))).ToList();
        if (missing.Count > 0) throw new UsageException($"no such file: {string.Join(", ", missing)}");

        var intake = ctx.Get<PaperIntake>();
        var reports = files.Select(f => ImportFile(ctx, intake, f, notify, quiet: json)).ToList();

        if (json) Json.Write(ctx.Out, new { files = reports, total = Total(reports) });
        else if (reports.Count > 1) ctx.Out.WriteLine(Line("total", Total(reports)));
        return reports.Any(r => r.Format is null) ? CliApp.Failed : CliApp.Ok;
    }

    private static FileReport ImportFile(CliContext ctx, PaperIntake intake, string file, bool notify, bool quiet)
    {
        string? format;
        ParseResult parsed;
        try
        {
            (format, parsed) = Parse(ctx.Resolve(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file that cannot be read (permissions, a disk error) is reported like one that cannot be parsed.
            return Report(ctx, quiet, new FileReport(file, null, 0, 0, 0, 0, 0, [$"cannot be read: {e.Message}"]));
        }
        if (parsed.IsFailure) return Report(ctx, quiet, new FileReport(file, null, 0, 0, 0, 0, 0, [parsed.Error!]));

        var total = IntakeResult.Empty;
        var papers = parsed.Papers;
        for (var i = 0; i < papers.Count; i += BatchSize)
        {
            total = total.Add(intake.Accept(papers.Skip(i).Take(BatchSize).ToList(), PaperSources.File, notify));
            if (papers.Count > BatchSize) ctx.Err.Write($"\r{file}: {Math.Min(i + BatchSize, papers.Count):N0}/{papers.Count:N0} papers stored");
        }
        if (papers.Count > BatchSize) ctx.Err.WriteLine();

        var problems = parsed.Rejected.Select(r => r.ToString()).ToList();
        return Report(ctx, quiet, new FileReport(file, format, total.New, total.Updated, total.Unchanged, parsed.Rejected.Count, total.AlertsQueued, problems));
    }

    /// <summary>Detects the format from the first bytes and parses the file; parsers report bad content as a failed result.</summary>
    private static (string? Format, ParseResult Result) Parse(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[DocumentParsers.HeadLength];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var parser = DocumentParsers.Detect(head.AsSpan(0, read));
        if (parser is null) return (null, ParseResult.Failed(read == 0 ? "the file is empty" : "unrecognised format (not text, JSON, RSS or Atom)"));
        return (parser.Format, parser.Parse(stream));
    }

    private static FileReport Report(CliContext ctx, bool quiet, FileReport report)
    {
        if (quiet) return report;
        if (report.Format is null)
        {
            ctx.Err.WriteLine($"{report.File}: not imported: {Terminal.Clean(report.Problems[0])}");
            return report;
        }
        foreach (var problem in report.Problems) ctx.Err.WriteLine($"{report.File}: rejected: {Terminal.Clean(problem, 300)}");
        ctx.Out.WriteLine(Line(report.File, report));
        return report;
    }

    private static FileReport Total(List<FileReport> reports) => new("total", "", reports.Sum(r => r.New), reports.Sum(r => r.Updated),
        reports.Sum(r => r.Unchanged), reports.Sum(r => r.Rejected), reports.Sum(r => r.AlertsQueued), []);

    private static string Line(string name, FileReport r) =>
        $"{name}: {r.New:N0} new, {r.Updated:N0} updated, {r.Unchanged:N0} unchanged, {r.Rejected:N0} rejected" +
        (r.AlertsQueued > 0 ? $", {r.AlertsQueued:N0} alerts queued" : "");
}
