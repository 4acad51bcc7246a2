using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Tokens;

/// <summary>What a valid token grants: one purpose, for one subscriber (its <see cref="Subscriber.TargetKey"/>),
/// optionally for one subscription.</summary>
public sealed record TokenClaims(LinkPurpose Purpose, string TargetKey, string? SubscriptionId, DateTimeOffset? ExpiresAt)
{
    /// <summary>Whether the token was made for this subscription's subscriber (and, when scoped, for this subscription).</summary>
    public bool Covers(Subscription subscription) =>
        string.Equals(TargetKey, subscription.Subscriber.TargetKey, StringComparison.Ordinal)
        && (SubscriptionId is null || string.Equals(SubscriptionId, subscription.Id, StringComparison.Ordinal));
}

/// <summary>
/// HMAC-SHA256 signed, URL-safe tokens for subscriber links. The payload (version, purpose, expiry, subscriber,
/// subscription) is readable but cannot be changed without the secret; the signature is compared in constant time.
/// Confirm links expire after days; unsubscribe links in old mail must keep working, so they never expire.
/// </summary>
public sealed class SignedTokens
{
    public const int MinSecretBytes = 32;
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ManageLifetime = TimeSpan.FromDays(365);

    private const byte FormatVersion = 1;
    private const int MacBytes = 32;
    private const int MaxTokenChars = 2048;
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public SignedTokens(ReadOnlySpan<byte> secret, TimeProvider time)
    {
        if (secret.Length < MinSecretBytes) throw new ArgumentException($"the token secret needs at least {MinSecretBytes} bytes", nameof(secret));
        // A key of its own for links, so the configured secret could sign something else one day without confusion.
        _key = HMACSHA256.HashData(secret, "paperbot subscriber links"u8);
        _time = time;
    }

    public static TimeSpan? LifetimeOf(LinkPurpose purpose) => purpose switch
    {
        LinkPurpose.Confirm => ConfirmLifetime,
        LinkPurpose.Manage => ManageLifetime,
        _ => null,
    };

    public string Issue(LinkPurpose purpose, Subscriber subscriber, string? subscriptionId = null)
    {
        var expires = LifetimeOf(purpose) is { } lifetime ? _time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds() : 0L;
        var target = Encoding.UTF8.GetBytes(subscriber.TargetKey);
        var id = Encoding.UTF8.GetBytes(subscriptionId ?? "");
        if (target.Length > ushort.MaxValue || id.Length > byte.MaxValue) throw new ArgumentException("subscriber or subscription id too long for a link");

        var payload = new byte[1 + 1 + 8 + 2 + target.Length + 1 + id.Length];
        var span = payload.AsSpan();
        span[0] = FormatVersion;
        span[1] = (byte)purpose;
        BinaryPrimitives.WriteInt64BigEndian(span[2..], expires);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)target.Length);
        target.CopyTo(span[12..]);
        span[12 + target.Length] = (byte)id.Length;
        id.CopyTo(span[(13 + target.Length)..]);

        var token = new byte[payload.Length + MacBytes];
        payload.CopyTo(token, 0);
        HMACSHA256.HashData(_key, payload, token.AsSpan(payload.Length));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The claims of a genuine, unexpired token; null for anything forged, altered, truncated or expired.</summary>
    public TokenClaims? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenChars) return null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }
        if (bytes.Length < 13 + MacBytes) return null;
        var payload = bytes.AsSpan(0, bytes.Length - MacBytes);
        Span<byte> expected = stackalloc byte[MacBytes];
        HMACSHA256.HashData(_key, payload, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(payload.Length))) return null;

        // Signed by us, so the layout is ours; the checks below guard against a format change, not an attacker.
        if (payload[0] != FormatVersion || !Enum.IsDefined((LinkPurpose)payload[1])) return null;
        var expires = BinaryPrimitives.ReadInt64BigEndian(payload[2..]);
        var targetLength = BinaryPrimitives.ReadUInt16BigEndian(payload[10..]);
        if (payload.Length < 13 + targetLength || payload.Length != 13 + targetLength + payload[12 + targetLength]) return null;
        var target = Encoding.UTF8.GetString(payload.Slice(12, targetLength));
        var id = Encoding.UTF8.GetString(payload[(13 + targetLength)..]);

        DateTimeOffset? expiresAt = expires == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(expires);
        if (expiresAt is { } at && _time.GetUtcNow() >= at) return null;
        return new TokenClaims((LinkPurpose)payload[1], target, id.Length == 0 ? null : id, expiresAt);
    }
}
