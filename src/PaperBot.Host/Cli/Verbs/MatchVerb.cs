using System.CommandLine;
using PaperBot.Core.Search;
using PaperBot.Host.Cli.Output;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot match QUERY [--since DATE]</c>: which stored papers a subscription query would match, and why.</summary>
public static class MatchVerb
{
    public static Command Create(CliContext ctx)
    {
        var query = new Argument<string>("query") { Description = "A subscription query." };
        var since = new Option<string?>("--since") { Description = "Only papers published (or first seen) on or after this date, YYYY-MM-DD." };
        var json = CommonOptions.Json();
        var command = new Command("match", "Show which stored papers a subscription query would match, with why.") { query, since, json };
        command.SetAction(parse =>
        {
            var from = DateArgument.Parse("--since", parse.GetValue(since));
            var found = new PaperFinder(ctx.Get<IPaperSearch>()).Find(QueryArgument.Parse("query", parse.GetValue(query)), from, int.MaxValue);
            if (parse.GetValue(json)) Json.Write(ctx.Out, found.Select(f => new { paper = f.Paper, why = f.Why, score = f.Score }));
            else
            {
                foreach (var f in found) PaperPrinter.Print(ctx.Out, f.Paper, f.Why);
                ctx.Out.WriteLine($"{found.Count} matching paper{(found.Count == 1 ? "" : "s")}");
            }
            return CliApp.Ok;
        });
        return command;
    }
}
