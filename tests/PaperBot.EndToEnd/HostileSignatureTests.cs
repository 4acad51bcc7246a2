using System.Globalization;
using System.Net;
using NSec.Cryptography;
using PaperBot.EndToEnd.Harness;

namespace PaperBot.EndToEnd;

/// <summary>Requests to the running interactions endpoint that Discord did not sign, or signed for another moment.</summary>
public sealed class HostileSignatureTests
{
    [Fact]
    public async Task Forged_replayed_stale_truncated_and_missing_signatures_get_401_and_subscribe_nobody_even_across_a_restart()
    {
        await using var d = await Deployment.CreateAsync(seed: 51);
        await d.StartAsync();
        var i = d.Interactions;
        var body = DiscordInteractions.InGuild("subscribe", "901", DiscordInteractions.ManageChannels, ("query", "diffusion"), ("where", "here"), ("delivery", "instant"));
        var now = DiscordInteractions.Now();
        var good = i.Sign(now, body);

        using var otherKey = Key.Create(SignatureAlgorithm.Ed25519);
        var forged = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(otherKey, System.Text.Encoding.UTF8.GetBytes(now + body)));
        var stale = (DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var future = (DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        (string What, string Body, string? Timestamp, string? Signature)[] refused =
        [
            ("signed by another key", body, now, forged),
            ("signed for another body", body.Replace("diffusion", "robotics", StringComparison.Ordinal), now, good),
            ("the body cut short", body[..^7], now, good),
            ("the signature cut short", body, now, good[..64]),
            ("a signature that is not hex", body, now, new string('z', 128)),
            ("another timestamp than signed", body, (long.Parse(now, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture), good),
            ("signed ten minutes ago", body, stale, i.Sign(stale, body)),
            ("signed ten minutes ahead", body, future, i.Sign(future, body)),
            ("no signature", body, now, null),
            ("no timestamp", body, null, good),
        ];
        foreach (var (what, b, ts, sig) in refused)
        {
            using var response = await i.PostAsync(b, ts, sig);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode}");
        }

        // The genuine request once, then the very same bytes again: a replay.
        using (var first = await i.PostAsync(body, now, good)) Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using (var replay = await i.PostAsync(body, now, good)) Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);

        // And again after a restart, whose memory of accepted signatures is empty: still inside the five minutes, but
        // signed before the new process started (past the clock-skew allowance).
        await d.KillAsync();
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(now, CultureInfo.InvariantCulture));
        var wait = signedAt + TimeSpan.FromSeconds(11) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        await d.StartAsync();
        using (var replay = await i.PostAsync(body, now, good)) Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);

        var (code, list) = await d.VerbAsync("subscriptions", "--json");
        Assert.Equal(0, code);
        Assert.Single(System.Text.Json.JsonDocument.Parse(list).RootElement.EnumerateArray()); // only the genuine one
        Assert.Equal("healthy", (await d.Process!.HealthAsync()).Status);
    }
}
