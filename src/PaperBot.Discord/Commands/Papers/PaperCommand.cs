using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Discord.Rendering;
using Opt = PaperBot.Discord.Commands.CommandCatalog.Options;

namespace PaperBot.Discord.Commands.Papers;

/// <summary><c>/paper id</c>: one stored paper in full, by any arXiv form (id, abs or pdf link).</summary>
public sealed class PaperCommand(IPaperStore papers) : ISlashCommand
{
    public string Name => CommandCatalog.Paper;

    public bool IsPrivate(CommandContext context) => false;

    public CommandAnswer Execute(CommandContext c)
    {
        var text = (c.String(Opt.Id) ?? "").Trim();
        var shown = DiscordText.Safe(text, 200);
        PaperId id;
        try
        {
            id = PaperId.Parse(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return CommandAnswer.Error($"“{shown}” is not a paper id. Give an arXiv id such as `2503.01234` or its arxiv.org link.");
        }
        return papers.Find(id) is { } paper
            ? CommandAnswer.Public("", [PaperEmbeds.Full(paper)])
            : CommandAnswer.Error($"PaperBot has no paper {DiscordText.Safe(id.Value, 100)} stored. `/search` finds what it has.");
    }
}
