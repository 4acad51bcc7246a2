using System.Collections.Concurrent;
using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Host.Tests.Web.Support;

/// <summary>The confirmation mails the web would send: each subscription with the confirm link the mail would carry.</summary>
public sealed class RecordingConfirmationMailer(ISubscriberLinks links) : IConfirmationMailer
{
    public sealed record Mail(Subscription Subscription, Uri ConfirmLink);

    private readonly ConcurrentQueue<Mail> _sent = new();

    public IReadOnlyList<Mail> Sent => [.. _sent];

    public Task<DeliveryResult> SendAsync(Subscription subscription, CancellationToken ct)
    {
        _sent.Enqueue(new Mail(subscription, links.Link(LinkPurpose.Confirm, subscription.Subscriber, subscription.Id)));
        return Task.FromResult<DeliveryResult>(new DeliveryResult.Sent("recorded"));
    }
}
