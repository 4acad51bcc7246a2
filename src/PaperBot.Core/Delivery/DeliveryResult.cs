namespace PaperBot.Core.Delivery;

/// <summary>What a channel made of one batch. Expected failures are values (architecture principle 9).</summary>
public abstract record DeliveryResult
{
    private DeliveryResult() { }

    /// <param name="Receipt">Where it went, for the operator (a file path, a message id); optional.</param>
    public sealed record Sent(string? Receipt = null) : DeliveryResult;

    /// <summary>Try again later (429, 4xx SMTP, timeouts, connection lost); never sooner than <paramref name="RetryAfter"/>.</summary>
    public sealed record Transient(string Reason, TimeSpan? RetryAfter = null) : DeliveryResult;

    /// <summary>Will never work as is (unknown channel, DMs closed, SMTP 5xx): the subscription is paused with the reason.</summary>
    public sealed record Permanent(string Reason) : DeliveryResult;
}
