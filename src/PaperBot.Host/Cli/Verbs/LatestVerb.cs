using System.CommandLine;
using PaperBot.Core.Storage;
using PaperBot.Host.Cli.Output;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot latest [--count N] [--source NAME]</c>: the newest stored papers.</summary>
public static class LatestVerb
{
    public static Command Create(CliContext ctx)
    {
        var count = CommonOptions.Count("--count", 20, 1000, "How many papers");
        var source = new Option<string?>("--source") { Description = "Only papers from this source (huggingface, arxiv, arxiv-rss, file, or a feed's name)." };
        var json = CommonOptions.Json();
        var command = new Command("latest", "List the newest stored papers.") { count, source, json };
        command.SetAction(parse =>
        {
            var papers = ctx.Get<IPaperStore>().Latest(parse.GetValue(count), parse.GetValue(source));
            if (parse.GetValue(json)) Json.Write(ctx.Out, papers);
            else if (papers.Count == 0) ctx.Out.WriteLine("no papers stored yet: try `paperbot import FILE` or `paperbot demo`");
            else foreach (var p in papers) PaperPrinter.Print(ctx.Out, p);
            return CliApp.Ok;
        });
        return command;
    }
}
