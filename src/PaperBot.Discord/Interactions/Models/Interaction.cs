using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperBot.Discord.Interactions.Models;

/// <summary>An interaction as Discord delivers it, over HTTP or in a gateway INTERACTION_CREATE (docs: Interaction
/// Object). Only the fields PaperBot reads; unknown ones are ignored.</summary>
public sealed record Interaction
{
    public string Id { get; init; } = "";
    public string ApplicationId { get; init; } = "";
    public int Type { get; init; }
    public InteractionData? Data { get; init; }
    public string? GuildId { get; init; }
    public string? ChannelId { get; init; }

    /// <summary>Set in a guild, with the member's permissions in this channel.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>Set in a DM.</summary>
    public User? User { get; init; }

    /// <summary>Answers the interaction: 3 seconds for the first response, 15 minutes for follow-ups.</summary>
    public string Token { get; init; } = "";
    public string? Locale { get; init; }

    /// <summary>For a button press: the message the button is on.</summary>
    public InteractionMessage? Message { get; init; }

    /// <summary>Whoever acted: the member's user in a guild, the user in a DM.</summary>
    [JsonIgnore]
    public User? Caller => Member?.User ?? User;

    /// <summary>No null among the options, every string value readable (a JSON escape of half a surrogate pair
    /// parses but cannot be read) and every id that ends up stored or indexed a snowflake: what commands rely on,
    /// checked once at the edge.</summary>
    public bool IsWellFormed() =>
        (Data?.Options is not { } options || InteractionOption.AllWellFormed(options))
        && OptionalSnowflake(GuildId) && OptionalSnowflake(ChannelId) && OptionalSnowflake(Member?.User?.Id) && OptionalSnowflake(User?.Id);

    private static bool OptionalSnowflake(string? id) => id is null || DiscordOptions.IsSnowflake(id);
}

/// <summary>Interaction types (docs: Interaction Type).</summary>
public static class InteractionTypes
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;
    public const int ModalSubmit = 5;
}

/// <summary>A command's name and options, or a component's custom id.</summary>
public sealed record InteractionData
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public IReadOnlyList<InteractionOption>? Options { get; init; }
    public string? CustomId { get; init; }
    public int? ComponentType { get; init; }
}

/// <summary>An option's value is a string, a number or a boolean by its type; <see cref="Focused"/> marks the option
/// being typed in an autocomplete request.</summary>
public sealed record InteractionOption
{
    public string Name { get; init; } = "";
    public int Type { get; init; }
    public JsonElement? Value { get; init; }
    public IReadOnlyList<InteractionOption>? Options { get; init; }
    public bool? Focused { get; init; }

    internal static bool AllWellFormed(IReadOnlyList<InteractionOption?> options) =>
        options.All(o => o is not null && o.Name is not null && Readable(o.Value) && (o.Options is null || AllWellFormed(o.Options)));

    private static bool Readable(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.String } s) return true;
        try
        {
            s.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

public sealed record GuildMember
{
    public User? User { get; init; }

    /// <summary>The member's permissions in the channel (overwrites applied), a bitset as a decimal string.</summary>
    public string? Permissions { get; init; }
}

public sealed record User
{
    public string Id { get; init; } = "";
    public string? Username { get; init; }
    public string? GlobalName { get; init; }
}

public sealed record InteractionMessage
{
    public string Id { get; init; } = "";
}
