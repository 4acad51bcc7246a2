using System.CommandLine;
using System.Globalization;
using PaperBot.Core.Queries;
using PaperBot.Core.Search;
using PaperBot.Host.Cli.Output;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot search QUERY [--limit N] [--sort …] [--since D] [--offset N]</c>: the full-text index, best first.</summary>
public static class SearchVerb
{
    public static Command Create(CliContext ctx)
    {
        var query = new Argument<string>("query") { Description = "A query in PaperBot's query language." };
        var limit = CommonOptions.Count("--limit", SearchRequest.DefaultLimit, SearchRequest.MaxLimit, "How many results");
        var offset = new Option<int>("--offset") { Description = "Skip this many results (paging)." };
        var sort = new Option<SearchSort>("--sort") { Description = "relevance (default), newest or mostupvoted.", DefaultValueFactory = _ => SearchSort.Relevance };
        var since = new Option<string?>("--since") { Description = "Only papers published (or first seen) on or after this date, YYYY-MM-DD." };
        var json = CommonOptions.Json();
        var command = new Command("search", "Search stored papers, best first, with the matched words highlighted.") { query, limit, offset, sort, since, json };
        command.SetAction(parse =>
        {
            var request = new SearchRequest
            {
                Query = QueryArgument.Parse("query", parse.GetValue(query)),
                Limit = parse.GetValue(limit),
                Offset = parse.GetValue(offset) >= 0 ? parse.GetValue(offset) : throw new UsageException("--offset must not be negative"),
                Sort = parse.GetValue(sort),
                Since = DateArgument.Parse("--since", parse.GetValue(since)),
            };
            var results = ctx.Get<IPaperSearch>().Search(request);
            if (parse.GetValue(json))
            {
                Json.Write(ctx.Out, new { total = results.Total, hits = results.Hits.Select(h => new { paper = h.Paper, score = h.Score, snippet = h.Snippet }) });
                return CliApp.Ok;
            }
            if (results.Total == 0) ctx.Out.WriteLine("no papers match");
            foreach (var hit in results.Hits)
            {
                PaperPrinter.Print(ctx.Out, hit.Paper);
                ctx.Out.WriteLine($"            {Terminal.Clean(hit.Snippet, 400)}");
            }
            if (results.Total > request.Offset + results.Hits.Count)
                ctx.Out.WriteLine($"{results.Total:N0} matching papers; showing {request.Offset + 1}–{request.Offset + results.Hits.Count} (--offset {request.Offset + results.Hits.Count} for more)");
            return CliApp.Ok;
        });
        return command;
    }
}

internal static class QueryArgument
{
    /// <summary>Parses a query from the command line; a malformed one is a usage error that says where and why.</summary>
    public static Query Parse(string option, string? text)
    {
        var parsed = QueryParser.Parse(text ?? "");
        return parsed.IsSuccess ? parsed.Query : throw new UsageException($"{option}: {parsed.Error.Message}\n  {text}\n  {new string(' ', parsed.Error.Position)}^");
    }
}

internal static class DateArgument
{
    /// <summary>The start of that day in UTC, or null when the option was not given.</summary>
    public static DateTimeOffset? Parse(string option, string? text) =>
        text is null ? null : new DateTimeOffset(Day(option, text).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static DateOnly Day(string option, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new UsageException($"{option}: '{text}' is not a date (YYYY-MM-DD)");
}
