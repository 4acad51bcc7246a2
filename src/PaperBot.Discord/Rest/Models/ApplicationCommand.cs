using System.Text.Json.Serialization;

namespace PaperBot.Discord.Rest.Models;

/// <summary>An application command as PUT by bulk overwrite (docs: Application Command Object).</summary>
public sealed record ApplicationCommand
{
    /// <summary>Set by Discord in answers; never sent.</summary>
    public string? Id { get; init; }

    /// <summary>1 = CHAT_INPUT (slash command).</summary>
    public int Type { get; init; } = 1;
    public required string Name { get; init; }
    public required string Description { get; init; }
    public IReadOnlyList<CommandOption>? Options { get; init; }

    /// <summary>A permission bitset as a string; null lets everyone see the command (PaperBot checks permissions itself).</summary>
    public string? DefaultMemberPermissions { get; init; }

    /// <summary>Deprecated by Discord in favour of <see cref="Contexts"/>; kept for reading old answers.</summary>
    public bool? DmPermission { get; init; }

    /// <summary>Interaction contexts: 0 guild, 1 bot DM, 2 private channel.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }

    /// <summary>Installation contexts: 0 guild install, 1 user install.</summary>
    public IReadOnlyList<int>? IntegrationTypes { get; init; }
}

/// <summary>A command option (docs: Application Command Option Structure).</summary>
public sealed record CommandOption
{
    public required int Type { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public bool? Required { get; init; }
    public IReadOnlyList<CommandChoice>? Choices { get; init; }
    public IReadOnlyList<CommandOption>? Options { get; init; }
    public bool? Autocomplete { get; init; }
    public double? MinValue { get; init; }
    public double? MaxValue { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
}

/// <summary>A fixed choice or an autocomplete suggestion: a name shown to the user (1–100) and a string value (≤ 100)
/// or a number.</summary>
public sealed record CommandChoice
{
    public required string Name { get; init; }

    [JsonConverter(typeof(ChoiceValueConverter))]
    public required ChoiceValue Value { get; init; }

    public static CommandChoice Of(string name, string value) => new() { Name = name, Value = ChoiceValue.Text(value) };

    public static CommandChoice Of(string name, double value) => new() { Name = name, Value = ChoiceValue.Number(value) };
}

public static class CommandOptionTypes
{
    public const int SubCommand = 1;
    public const int SubCommandGroup = 2;
    public const int String = 3;
    public const int Integer = 4;
    public const int Boolean = 5;
    public const int User = 6;
    public const int Channel = 7;
    public const int Role = 8;
    public const int Mentionable = 9;
    public const int Number = 10;
    public const int Attachment = 11;
}

public static class InteractionContexts
{
    public const int Guild = 0;
    public const int BotDm = 1;
    public const int PrivateChannel = 2;
}
