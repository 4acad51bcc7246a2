using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Commands;

/// <summary>One slash command of <see cref="CommandCatalog"/>. Synchronous: commands read the embedded database,
/// whose transactions must not span an await; the router runs them off the request thread.</summary>
public interface ISlashCommand
{
    string Name { get; }

    /// <summary>Whether the answer is for the caller only: a deferred answer must say so up front.</summary>
    bool IsPrivate(CommandContext context);

    CommandAnswer Execute(CommandContext context);
}

/// <summary>A command with an autocompleted option: at most 25 suggestions for what was typed so far.</summary>
public interface IAutocompleteCommand
{
    string Name { get; }

    IReadOnlyList<CommandChoice> Complete(CommandContext context, string option, string typed);
}

/// <summary>Buttons whose <c>custom_id</c> starts with <see cref="Prefix"/> and a colon.</summary>
public interface IComponentHandler
{
    string Prefix { get; }

    /// <summary>The answer replaces the message the button is on, unless it is private (a new ephemeral message).</summary>
    CommandAnswer Press(CommandContext context, string argument);
}
