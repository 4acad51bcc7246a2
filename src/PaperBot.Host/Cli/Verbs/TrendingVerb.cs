using System.CommandLine;
using PaperBot.Core.Search;
using PaperBot.Host.Cli.Output;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot trending [--count N] [--days D]</c>: the most upvoted recent papers.</summary>
public static class TrendingVerb
{
    public static Command Create(CliContext ctx)
    {
        var count = CommonOptions.Count("--count", 10, 100, "How many papers");
        var days = CommonOptions.Count("--days", 7, 365, "Over the last this many days");
        var json = CommonOptions.Json();
        var command = new Command("trending", "List the most upvoted papers of the last days.") { count, days, json };
        command.SetAction(parse =>
        {
            var papers = ctx.Get<IPaperSearch>().Trending(parse.GetValue(count), parse.GetValue(days));
            if (parse.GetValue(json)) Json.Write(ctx.Out, papers);
            else if (papers.Count == 0) ctx.Out.WriteLine("no upvoted papers in that period");
            else foreach (var p in papers) PaperPrinter.Print(ctx.Out, p);
            return CliApp.Ok;
        });
        return command;
    }
}
