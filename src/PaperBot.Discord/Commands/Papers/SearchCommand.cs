using System.Globalization;
using PaperBot.Core.Queries;
using PaperBot.Core.Search;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest.Models;
using Opt = PaperBot.Discord.Commands.CommandCatalog.Options;

namespace PaperBot.Discord.Commands.Papers;

/// <summary><c>/search query [limit] [sort]</c>: one page of hits, matched words bold, with Previous / Next buttons
/// that page through the same search (component interactions, <c>search:{session}:{offset}</c>).</summary>
public sealed class SearchCommand(IPaperSearch search, SearchSessions sessions) : ISlashCommand, IComponentHandler
{
    public const int DefaultLimit = 5;

    public string Name => CommandCatalog.Search;

    public string Prefix => "search";

    public bool IsPrivate(CommandContext context) => false;

    public CommandAnswer Execute(CommandContext c)
    {
        var query = (c.String(Opt.Query) ?? "").Trim();
        var limit = Math.Clamp(c.Integer(Opt.Limit) ?? DefaultLimit, 1, CommandCatalog.MaxPapersPerAnswer);
        var sort = c.String(Opt.Sort) switch
        {
            "newest" => SearchSort.Newest,
            "mostupvoted" => SearchSort.MostUpvoted,
            _ => SearchSort.Relevance,
        };
        if (QueryParser.Parse(query).Error is { } error) return QueryErrors.Answer(query, error);
        var session = new SearchSession(query, limit, sort);
        return Page(sessions.Add(session), session, 0);
    }

    public CommandAnswer Press(CommandContext context, string argument)
    {
        var parts = argument.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || sessions.Find(parts[0]) is not { } session)
            return CommandAnswer.Error("This search has expired. Run `/search` again.");
        return Page(parts[0], session, offset);
    }

    private CommandAnswer Page(string key, SearchSession s, int offset)
    {
        var results = search.Search(new SearchRequest { Text = s.Query, Limit = s.Limit, Offset = offset, Sort = s.Sort });
        if (results.Error is { } error) return QueryErrors.Answer(s.Query, error);
        var shown = Code.Span(s.Query, 200);
        if (results.Total == 0) return CommandAnswer.Public($"No stored paper matches {shown}.");
        var pages = (results.Total + s.Limit - 1) / s.Limit;
        var page = offset / s.Limit + 1;
        var noun = results.Total == 1 ? "paper matches" : "papers match";
        var content = $"**{results.Total}** {noun} {shown}" + (pages > 1 ? $" — page {page} of {pages}" : "");
        var buttons = pages > 1
            ? new[] { Component.Row(
                Component.Button($"{Prefix}:{key}:{Math.Max(0, offset - s.Limit)}", "◀ Previous", disabled: offset == 0),
                Component.Button($"{Prefix}:{key}:{offset + s.Limit}", "Next ▶", disabled: offset + s.Limit >= results.Total)) }
            : null;
        return CommandAnswer.Public(content, PaperEmbeds.Fit(results.Hits.Select(PaperEmbeds.Hit)), buttons);
    }
}
