using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace PaperBot.Discord.Interactions;

/// <summary>Why a request was refused; logged at debug level only, since Discord sends bad signatures on purpose.</summary>
public enum SignatureCheck { Valid, Missing, Malformed, Stale, Forged, Replayed }

/// <summary>
/// Discord signs each HTTP interaction with the application's Ed25519 key over the timestamp header followed by the
/// raw body (docs: Validating Security Request Headers). Checked before the body is parsed. A timestamp further than
/// <see cref="MaxAge"/> from now, or a signature already accepted, is a replay: refused as well. The accepted
/// signatures live in memory, so a request signed before this instance started (beyond <see cref="ClockSkew"/>) is
/// refused too: an earlier process may have run it, and Discord never sends one that old to a fresh listener.
/// </summary>
public sealed class InteractionSignature
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>How far Discord's clock may run behind ours at start without refusing its first requests.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(10);

    /// <summary>The accepted signatures remembered against replays; past this many, the expired ones are swept
    /// (at most once a minute).</summary>
    private const int SweepAbove = 4096;

    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private readonly PublicKey _key;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _notBefore;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accepted = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    /// <param name="publicKeyHex">The application's public key, 64 hex digits (<c>Discord:PublicKey</c>).</param>
    public InteractionSignature(string publicKeyHex, TimeProvider time)
    {
        _key = PublicKey.Import(Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
        _time = time;
        _notBefore = time.GetUtcNow() - ClockSkew;
    }

    public SignatureCheck Check(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp)) return SignatureCheck.Missing;
        if (signatureHex.Length != Ed25519.SignatureSize * 2 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return SignatureCheck.Malformed;
        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return SignatureCheck.Malformed;
        }

        var now = _time.GetUtcNow();
        if (seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()) return SignatureCheck.Malformed;
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (signedAt < now - MaxAge || signedAt < _notBefore || signedAt > now + MaxAge) return SignatureCheck.Stale;

        var message = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(written));
        if (!Ed25519.Verify(_key, message, signature)) return SignatureCheck.Forged;

        if (!_accepted.TryAdd(signatureHex.ToLowerInvariant(), signedAt + MaxAge)) return SignatureCheck.Replayed;
        if (_accepted.Count > SweepAbove) Sweep(now);
        return SignatureCheck.Valid;
    }

    private void Sweep(DateTimeOffset now)
    {
        var next = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, now.UtcTicks + TimeSpan.TicksPerMinute, next) != next) return;
        foreach (var (signature, expires) in _accepted)
            if (expires < now) _accepted.TryRemove(signature, out _);
    }
}
