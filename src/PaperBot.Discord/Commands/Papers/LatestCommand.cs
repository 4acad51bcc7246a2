using PaperBot.Core.Papers;
using PaperBot.Core.Search;
using PaperBot.Core.Storage;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest.Models;
using Opt = PaperBot.Discord.Commands.CommandCatalog.Options;

namespace PaperBot.Discord.Commands.Papers;

/// <summary><c>/latest [source] [count]</c>: the newest stored papers; the source autocompletes over the sources
/// PaperBot has polled.</summary>
public sealed class LatestCommand(IPaperSearch search, ISourceStateStore sources) : ISlashCommand, IAutocompleteCommand
{
    public string Name => CommandCatalog.Latest;

    public bool IsPrivate(CommandContext context) => false;

    public CommandAnswer Execute(CommandContext c)
    {
        var count = Math.Clamp(c.Integer(Opt.Count) ?? SearchCommand.DefaultLimit, 1, CommandCatalog.MaxPapersPerAnswer);
        var source = c.String(Opt.Source)?.Trim();
        if (source is { Length: 0 }) source = null;
        var papers = search.Latest(count, source);
        var from = source is null ? "" : $" from {DiscordText.Safe(source, 100)}";
        if (papers.Count == 0)
            return source is not null && !Known().Contains(source, StringComparer.OrdinalIgnoreCase)
                ? CommandAnswer.Error($"No source named “{DiscordText.Safe(source, 100)}”. Known: {string.Join(", ", Known())}.")
                : CommandAnswer.Public($"No papers stored{from} yet.");
        return CommandAnswer.Public($"**Newest {papers.Count}**{from}", PaperEmbeds.Fit(papers.Select(p => DiscordRenderer.PaperEmbed(p, []))));
    }

    public IReadOnlyList<CommandChoice> Complete(CommandContext context, string option, string typed) =>
        option != Opt.Source ? [] :
        [.. Known().Where(s => s.Contains(typed.Trim(), StringComparison.OrdinalIgnoreCase)).Take(25).Select(s => CommandChoice.Of(s, s))];

    /// <summary>The built-in sources and every source with a polling record (feeds, imported files).</summary>
    private List<string> Known() =>
        [.. new[] { PaperSources.HuggingFace, PaperSources.Arxiv, PaperSources.ArxivRss }.Concat(sources.All().Select(s => s.Source))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
}
