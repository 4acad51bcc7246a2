using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Core.Tokens;

namespace PaperBot.Host.Web.Links;

/// <summary>What a link's token opens: the subscriptions of its subscriber (or its one subscription). A token for
/// another purpose, forged, altered or expired opens nothing.</summary>
public sealed class SubscriberAccess(SignedTokens tokens, ISubscriptionStore store)
{
    public TokenClaims? Open(string token, LinkPurpose purpose) => tokens.Read(token) is { } claims && claims.Purpose == purpose ? claims : null;

    /// <summary>The subscriber's subscriptions the token covers, oldest first.</summary>
    public IReadOnlyList<Subscription> Covered(TokenClaims claims) =>
        claims.SubscriptionId is { } id
            ? store.Find(id) is { } one && claims.Covers(one) ? [one] : []
            : [.. store.ForTarget(claims.TargetKey).Where(claims.Covers)];

    /// <summary>One subscription the token covers (a manage token covers all of its subscriber's).</summary>
    public Subscription? Find(TokenClaims claims, string subscriptionId) =>
        store.Find(subscriptionId) is { } s && claims.Covers(s) ? s : null;
}
