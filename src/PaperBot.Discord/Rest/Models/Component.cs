namespace PaperBot.Discord.Rest.Models;

/// <summary>A message component: an action row (type 1) holding buttons (type 2). Only what PaperBot sends.</summary>
public sealed record Component
{
    public int Type { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public int? Style { get; init; }
    public string? Label { get; init; }

    /// <summary>Up to 100 characters; comes back in the MESSAGE_COMPONENT interaction.</summary>
    public string? CustomId { get; init; }
    public string? Url { get; init; }
    public bool? Disabled { get; init; }

    public static Component Row(params Component[] buttons) => new() { Type = ComponentTypes.ActionRow, Components = buttons };

    public static Component Button(string customId, string label, bool disabled = false, int style = ButtonStyles.Secondary) =>
        new() { Type = ComponentTypes.Button, Style = style, Label = label, CustomId = customId, Disabled = disabled };

    public static Component Link(string url, string label) =>
        new() { Type = ComponentTypes.Button, Style = ButtonStyles.Link, Label = label, Url = url };
}

public static class ComponentTypes
{
    public const int ActionRow = 1;
    public const int Button = 2;
}

public static class ButtonStyles
{
    public const int Primary = 1;
    public const int Secondary = 2;
    public const int Link = 5;
}
