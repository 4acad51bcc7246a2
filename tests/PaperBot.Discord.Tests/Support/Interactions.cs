using System.Text.Json;
using PaperBot.Discord.Interactions.Models;

namespace PaperBot.Discord.Tests.Support;

/// <summary>Interactions as Discord sends them: in a guild channel (member with permissions) or in a DM.</summary>
public static class Interactions
{
    public const string Guild = "500";
    public const string OtherGuild = "600";
    public const string ChannelHere = "510";
    public const string Ann = "901";
    public const string Bob = "902";

    /// <summary>Manage Channels.</summary>
    public const string Manager = "16";

    /// <summary>Send Messages and Read: no management.</summary>
    public const string Member = "3072";

    private static int _next;

    public static Interaction InGuild(string name, string user = Ann, string permissions = Member, string guild = Guild, string channel = ChannelHere,
        params (string Name, object Value)[] options) =>
        Command(InteractionTypes.ApplicationCommand, name, options) with
        {
            GuildId = guild,
            ChannelId = channel,
            Member = new GuildMember { User = new User { Id = user, Username = "u" + user }, Permissions = permissions },
        };

    public static Interaction InDm(string name, string user = Ann, params (string Name, object Value)[] options) =>
        Command(InteractionTypes.ApplicationCommand, name, options) with { ChannelId = "777", User = new User { Id = user } };

    /// <summary>An autocomplete request: <paramref name="focused"/> is being typed.</summary>
    public static Interaction Typing(Interaction command, string focused, string typed) => command with
    {
        Type = InteractionTypes.Autocomplete,
        Data = command.Data! with
        {
            Options = [.. (command.Data.Options ?? []).Where(o => o.Name != focused), new InteractionOption { Name = focused, Type = 3, Value = Json(typed), Focused = true }],
        },
    };

    public static Interaction Press(Interaction where, string customId) => where with
    {
        Id = NextId(),
        Type = InteractionTypes.MessageComponent,
        Data = new InteractionData { CustomId = customId, ComponentType = 2 },
        Message = new InteractionMessage { Id = "42" },
    };

    private static Interaction Command(int type, string name, (string Name, object Value)[] options) => new()
    {
        Id = NextId(),
        ApplicationId = "1000",
        Type = type,
        Token = "token-" + Guid.NewGuid().ToString("N"),
        Data = new InteractionData
        {
            Id = "2000",
            Name = name,
            Options = [.. options.Select(o => new InteractionOption { Name = o.Name, Type = o.Value is int ? 4 : 3, Value = Json(o.Value) })],
        },
    };

    private static string NextId() => (1_000_000 + Interlocked.Increment(ref _next)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value, value.GetType());
}
