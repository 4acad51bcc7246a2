using PaperBot.Core.Subscribing;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest.Models;
using Opt = PaperBot.Discord.Commands.CommandCatalog.Options;

namespace PaperBot.Discord.Commands.Subscribing;

/// <summary><c>/unsubscribe subscription</c>: removes one of yours, or of this channel's with Manage Channels; the
/// option autocompletes over exactly those.</summary>
public sealed class UnsubscribeCommand(SubscriptionService subscriptions, SubscriptionScope scope) : ISlashCommand, IAutocompleteCommand
{
    public string Name => CommandCatalog.Unsubscribe;

    public bool IsPrivate(CommandContext context) => true;

    public CommandAnswer Execute(CommandContext c)
    {
        var id = (c.String(Opt.Subscription) ?? "").Trim();
        // Anything outside the caller's reach reads as "not found": no hint that it exists elsewhere.
        if (scope.Removable(c).FirstOrDefault(s => s.Id == id) is not { } subscription)
        {
            var hint = c.CanManageChannels ? "" : " A channel's subscriptions need the Manage Channels permission.";
            return CommandAnswer.Error($"No subscription {Code.Span(id, 40)} that you can remove here. Pick one from the list, or see `/subscriptions`.{hint}");
        }
        subscriptions.Remove(subscription.Id);
        return CommandAnswer.Private($"🗑️ Removed `{subscription.Id}`: {Code.Span(subscription.Query, 300)} ({SubscriptionScope.Describe(subscription)}).");
    }

    public IReadOnlyList<CommandChoice> Complete(CommandContext c, string option, string typed)
    {
        if (option != Opt.Subscription) return [];
        return [.. scope.Removable(c)
            .Where(s => typed.Length == 0 || s.Id.Contains(typed, StringComparison.OrdinalIgnoreCase) || s.Query.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .Take(25)
            .Select(s => CommandChoice.Of(DiscordText.Cut($"{Code.Clean(s.Query, 100)} · {Plain(s)}", 100), s.Id))];
    }

    /// <summary>Choice names show no markdown: "#channel" instead of a channel mention.</summary>
    private static string Plain(Core.Subscriptions.Subscription s) =>
        (s.Subscriber.Kind == Core.Subscriptions.SubscriberKind.DiscordChannel ? "this channel" : "DM") + " · " + s.Mode.ToString().ToLowerInvariant() + " · " + s.Id;
}
