using System.Globalization;
using System.Text.Json;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Interactions.Models;

namespace PaperBot.Discord.Commands;

/// <summary>One interaction as a command sees it: who acted, where, with which rights, and the options given.</summary>
public sealed class CommandContext(Interaction interaction)
{
    /// <summary>Manage Channels (1 &lt;&lt; 4) and Administrator (1 &lt;&lt; 3) (docs: Permissions).</summary>
    private const ulong ManageChannels = 1UL << 4, Administrator = 1UL << 3;

    public Interaction Interaction => interaction;

    public string UserId => interaction.Caller?.Id ?? "";

    public string? GuildId => interaction.GuildId;

    public string? ChannelId => interaction.ChannelId;

    /// <summary>In a guild channel (not a DM with the bot).</summary>
    public bool InGuild => GuildId is not null && ChannelId is not null;

    /// <summary>Manage Channels or Administrator in this channel, from <c>member.permissions</c> (overwrites applied).</summary>
    public bool CanManageChannels =>
        InGuild && ulong.TryParse(interaction.Member?.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
        && (p & (ManageChannels | Administrator)) != 0;

    /// <summary>The caller's DM target.</summary>
    public Subscriber Me => Subscriber.DiscordUser(UserId);

    /// <summary>This channel as a target; null in a DM.</summary>
    public Subscriber? ThisChannel => InGuild ? Subscriber.DiscordChannel(ChannelId!, GuildId!) : null;

    public string? String(string name) =>
        Option(name)?.Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public int? Integer(string name) =>
        Option(name)?.Value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var i) ? i : null;

    /// <summary>The option being typed in an autocomplete request, with what was typed so far.</summary>
    public (string Name, string Typed)? Focused =>
        Options.FirstOrDefault(o => o.Focused == true) is { } o ? (o.Name, o.Value?.ValueKind == JsonValueKind.String ? o.Value.Value.GetString() ?? "" : o.Value?.ToString() ?? "") : null;

    private IReadOnlyList<InteractionOption> Options => interaction.Data?.Options ?? [];

    private InteractionOption? Option(string name) => Options.FirstOrDefault(o => o.Name == name);
}
