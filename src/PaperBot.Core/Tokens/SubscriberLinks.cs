using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Tokens;

/// <summary><see cref="ISubscriberLinks"/>: <c>{PublicBaseUrl}/confirm|manage|unsubscribe/{token}</c>. Lives in Core so
/// that the web pages (which check the tokens) and the email messages (which print the links) share it without one
/// adapter calling the other.</summary>
public sealed class SubscriberLinks : ISubscriberLinks
{
    private readonly SignedTokens _tokens;
    private readonly Uri _base;

    public SubscriberLinks(SignedTokens tokens, Uri publicBaseUrl)
    {
        _tokens = tokens;
        // A base with a path (https://example.org/paperbot) keeps it: relative links resolve under its last slash.
        _base = publicBaseUrl.AbsoluteUri.EndsWith('/') ? publicBaseUrl : new Uri(publicBaseUrl.AbsoluteUri + "/");
    }

    public static string PathOf(LinkPurpose purpose) => purpose switch
    {
        LinkPurpose.Confirm => "confirm",
        LinkPurpose.Manage => "manage",
        _ => "unsubscribe",
    };

    public Uri Link(LinkPurpose purpose, Subscriber subscriber, string? subscriptionId = null) =>
        new(_base, $"{PathOf(purpose)}/{_tokens.Issue(purpose, subscriber, subscriptionId)}");
}
