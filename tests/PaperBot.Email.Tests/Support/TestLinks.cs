using PaperBot.Core.Subscriptions;

namespace PaperBot.Email.Tests.Support;

/// <summary>Stands in for the web adapter's signed links: recognisable, absolute https links per purpose.</summary>
public sealed class TestLinks : ISubscriberLinks
{
    public const string Base = "https://papers.example.org/";

    public Uri Link(LinkPurpose purpose, Subscriber subscriber, string? subscriptionId = null) =>
        new($"{Base}{purpose.ToString().ToLowerInvariant()}/token-{Uri.EscapeDataString(subscriptionId ?? subscriber.Address)}");
}
