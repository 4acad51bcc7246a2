namespace PaperBot.Discord.Rest.Models;

/// <summary>The body of <c>POST /interactions/{id}/{token}/callback</c>, or of the inline HTTP answer.</summary>
public sealed record InteractionResponse(int Type, InteractionResponseData? Data = null)
{
    public static readonly InteractionResponse Pong = new(InteractionCallbackTypes.Pong);

    public static InteractionResponse Message(InteractionResponseData data) => new(InteractionCallbackTypes.ChannelMessageWithSource, data);

    public static InteractionResponse Defer(bool ephemeral) =>
        new(InteractionCallbackTypes.DeferredChannelMessageWithSource, ephemeral ? new InteractionResponseData { Flags = MessageFlags.Ephemeral } : null);

    public static InteractionResponse UpdateMessage(InteractionResponseData data) => new(InteractionCallbackTypes.UpdateMessage, data);

    public static InteractionResponse Choices(IReadOnlyList<CommandChoice> choices) =>
        new(InteractionCallbackTypes.AutocompleteResult, new InteractionResponseData { Choices = choices });
}

/// <summary>Message data of an interaction answer; also the body of the edit-original and follow-up webhooks.
/// <see cref="Choices"/> is only for autocomplete answers.</summary>
public sealed record InteractionResponseData
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;
    public int? Flags { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>At most 25 (autocomplete).</summary>
    public IReadOnlyList<CommandChoice>? Choices { get; init; }
}

public static class InteractionCallbackTypes
{
    public const int Pong = 1;
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;
    public const int AutocompleteResult = 8;
}
