using PaperBot.Core.Subscriptions;
using PaperBot.Host.Cli.Verbs;
using PaperBot.Host.Web.Subscribing;

namespace PaperBot.Host.Web.Links;

/// <summary>One subscription as the link pages show it; <see cref="Form"/> feeds the manage page's edit form.</summary>
public sealed record SubscriptionView(string Id, string Query, string Schedule, string Status, string? PausedReason, bool CanResume, SubscriptionForm Form)
{
    /// <summary>The reason a subscriber's own pause records; only such a pause can be lifted from the manage page
    /// (a rejected address stays paused until the operator resumes it).</summary>
    public const string PausedBySubscriber = "paused by the subscriber";

    public static SubscriptionView Of(Subscription s, SubscriptionForm? form = null) =>
        new(s.Id, s.Query, SubscriptionsVerb.Schedule(s), s.Status, s.PausedReason, s.PausedReason == PausedBySubscriber, form ?? SubscriptionForm.Of(s));
}
