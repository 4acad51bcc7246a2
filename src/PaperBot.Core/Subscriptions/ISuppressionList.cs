namespace PaperBot.Core.Subscriptions;

/// <summary>An address that must not be mailed again, and why (a permanent SMTP rejection).</summary>
public sealed record Suppression(string Address, string Reason, DateTimeOffset At);

/// <summary>Addresses that rejected mail permanently. Email delivery adds to it; subscribing checks it.</summary>
public interface ISuppressionList
{
    /// <summary>Case-insensitive on the address.</summary>
    Suppression? Find(string address);

    void Add(Suppression suppression);

    /// <summary>The owner fixed the address (<c>paperbot resume</c>): it may be mailed again. False when it was not suppressed.</summary>
    bool Remove(string address);
}
