using System.CommandLine;
using PaperBot.Core.Queries;
using PaperBot.Core.Storage;
using PaperBot.Host.Cli.Output;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot search QUERY [--limit N]</c>: stored papers matching the query, best first.</summary>
public static class SearchVerb
{
    public static Command Create(CliContext ctx)
    {
        var query = new Argument<string>("query") { Description = "A query in PaperBot's query language." };
        var limit = CommonOptions.Count("--limit", 20, 100, "How many results");
        var json = CommonOptions.Json();
        var command = new Command("search", "Search stored papers, best first.") { query, limit, json };
        command.SetAction(parse =>
        {
            var found = new PaperFinder(ctx.Get<IPaperStore>()).Find(QueryArgument.Parse("query", parse.GetValue(query)), null, parse.GetValue(limit));
            if (parse.GetValue(json)) Json.Write(ctx.Out, found.Select(f => new { paper = f.Paper, score = f.Score }));
            else if (found.Count == 0) ctx.Out.WriteLine("no papers match");
            else foreach (var f in found) PaperPrinter.Print(ctx.Out, f.Paper);
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
