namespace PaperBot.Core.Subscriptions;

/// <summary>What a signed link lets its holder do; a token made for one purpose never works for another.</summary>
public enum LinkPurpose { Confirm, Manage, Unsubscribe }

/// <summary>
/// Signed public links for an email subscriber: double opt-in, the manage page, one-click unsubscribe. Absolute,
/// under <c>Email:PublicBaseUrl</c>. The web adapter issues and checks them; email messages only print them.
/// </summary>
public interface ISubscriberLinks
{
    /// <param name="subscriptionId">Scopes a confirm or unsubscribe link to one subscription; a manage link covers
    /// every subscription of the subscriber.</param>
    Uri Link(LinkPurpose purpose, Subscriber subscriber, string? subscriptionId = null);
}
