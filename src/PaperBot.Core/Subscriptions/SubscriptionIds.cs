using System.Security.Cryptography;

namespace PaperBot.Core.Subscriptions;

/// <summary>Short, unambiguous, typeable ids (<c>s-7k2m9q4x</c>) for subscriptions.</summary>
public static class SubscriptionIds
{
    private const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";

    public static string New() => "s-" + RandomNumberGenerator.GetString(Alphabet, 8);
}
