using PaperBot.Core.Queries;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Commands;

/// <summary>A refused query as an ephemeral answer: what was expected, and the query with a caret under the spot.</summary>
public static class QueryErrors
{
    public static CommandAnswer Answer(string query, QueryError error)
    {
        var shown = Code.Clean(query, 300);
        var caret = error.Position >= 0 && error.Position <= shown.Length ? "\n" + new string(' ', error.Position) + "^" : "";
        return CommandAnswer.Error($"That query can't be used: {DiscordText.Safe(error.Message, 300)}\n```\n{shown}{caret}\n```See `/help` for the query language.");
    }
}
