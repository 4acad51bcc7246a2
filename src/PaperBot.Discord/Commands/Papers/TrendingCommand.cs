using PaperBot.Core.Search;
using PaperBot.Discord.Rendering;
using Opt = PaperBot.Discord.Commands.CommandCatalog.Options;

namespace PaperBot.Discord.Commands.Papers;

/// <summary><c>/trending [count] [days]</c>: the most upvoted papers of the last days.</summary>
public sealed class TrendingCommand(IPaperSearch search) : ISlashCommand
{
    public const int DefaultDays = 7;

    public string Name => CommandCatalog.Trending;

    public bool IsPrivate(CommandContext context) => false;

    public CommandAnswer Execute(CommandContext c)
    {
        var count = Math.Clamp(c.Integer(Opt.Count) ?? SearchCommand.DefaultLimit, 1, CommandCatalog.MaxPapersPerAnswer);
        var days = Math.Clamp(c.Integer(Opt.Days) ?? DefaultDays, 1, 30);
        var papers = search.Trending(count, days);
        var span = days == 1 ? "day" : $"{days} days";
        return papers.Count == 0
            ? CommandAnswer.Public($"No upvoted papers in the last {span}.")
            : CommandAnswer.Public($"**Trending** over the last {span}", PaperEmbeds.Fit(papers.Select(p => DiscordRenderer.PaperEmbed(p, []))));
    }
}
