using Microsoft.Extensions.Logging;
using PaperBot.Core.Delivery;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscribing;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Host.Web.Subscribing;

/// <summary>
/// A subscription asked for on the web: stored unconfirmed, then one confirmation mail, unless the address is
/// suppressed (it rejected mail) or throttled. The caller answers the same way in every case, so the form tells
/// nobody whether an address is known, suppressed or throttled.
/// </summary>
public sealed partial class SubscriptionRequests(
    SubscriptionService subscriptions, ISubscriptionStore store, IEnumerable<ISuppressionList> suppressions,
    IConfirmationMailer mailer, ConfirmationThrottle throttle, TimeProvider time, ILogger<SubscriptionRequests> log)
{
    public async Task RequestAsync(string email, ValidForm form, CancellationToken ct)
    {
        var subscriber = Subscriber.Email(email);
        // No suppression list registered means no address has been suppressed yet.
        if (suppressions.Any(list => list.Find(subscriber.Address) is not null))
        {
            LogSuppressed(log);
            return;
        }
        // The same request again (a lost confirmation mail) reuses the pending subscription instead of piling up copies.
        var subscription = store.ForTarget(subscriber.TargetKey).FirstOrDefault(s => !s.Confirmed
            && s.Query == form.Query && s.Mode == form.Mode && s.DeliveryTime == form.Time && s.TimeZone == form.TimeZone
            && (form.Mode != DeliveryMode.Weekly || s.WeeklyDay == form.Day));
        if (subscription is null)
        {
            subscription = new Subscription
            {
                Id = SubscriptionIds.New(), Subscriber = subscriber, Query = form.Query, Mode = form.Mode, DeliveryTime = form.Time,
                WeeklyDay = form.Day, TimeZone = form.TimeZone, Confirmed = false, CreatedAt = time.GetUtcNow(),
            };
            if (subscriptions.Add(subscription) is { } error) throw new InvalidOperationException($"a validated query was refused: {error}");
        }
        if (!throttle.TryTake(subscriber.TargetKey))
        {
            LogThrottled(log, subscription.Id);
            return;
        }
        var result = await mailer.SendAsync(subscription, ct);
        if (result is not DeliveryResult.Sent) LogNotSent(log, subscription.Id, result.ToString());
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "web.subscribe.suppressed: no confirmation mail to a suppressed address")]
    private static partial void LogSuppressed(ILogger logger);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "web.subscribe.throttled: no confirmation mail for {SubscriptionId}, too many for its address")]
    private static partial void LogThrottled(ILogger logger, string subscriptionId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "web.subscribe.mail_failed: confirmation mail for {SubscriptionId} not sent: {Result}")]
    private static partial void LogNotSent(ILogger logger, string subscriptionId, string result);
}
