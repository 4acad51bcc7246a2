using MimeKit;
using MimeKit.Cryptography;
using PaperBot.Core.Delivery;
using PaperBot.Email.Tests.Support;
using PaperBot.Testing;
using PaperBot.Testing.Smtp;

namespace PaperBot.Email.Tests;

public class DkimTests
{
    [Fact]
    public async Task A_signed_digest_arrives_with_a_signature_that_verifies_and_covers_both_unsubscribe_headers()
    {
        await using var server = await SmtpTestServer.StartAsync();
        using var keys = new TempDirectory();
        using var key = new TestDkimKey(keys.Path);
        await using var rig = EmailRig.Smtp(server, o => o.Dkim = new DkimSettings { Domain = "bot.example.org", Selector = "pb2026", PrivateKeyPath = key.PrivateKeyPath });

        Assert.IsType<DeliveryResult.Sent>(await rig.Channel.SendAsync(Papers.Batch("b-signed", count: 20), CancellationToken.None));

        var message = Assert.Single(server.Messages).Parse();
        var signature = message.Headers[message.Headers.IndexOf(HeaderId.DkimSignature)];
        var tags = signature.Value.Replace("\r\n", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("d=bot.example.org", tags, StringComparison.Ordinal);
        Assert.Contains("s=pb2026", tags, StringComparison.Ordinal);
        var signedHeaders = tags.Split(';').Single(t => t.StartsWith("h=", StringComparison.Ordinal))[2..].Split(':');
        Assert.Contains("list-unsubscribe", signedHeaders, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("list-unsubscribe-post", signedHeaders, StringComparer.OrdinalIgnoreCase);
        Assert.True(await new DkimVerifier(key).VerifyAsync(message, signature));
        Assert.Equal([("bot.example.org", "pb2026")], key.Lookups);
    }

    [Fact]
    public async Task A_forged_unsubscribe_header_breaks_the_signature()
    {
        await using var server = await SmtpTestServer.StartAsync();
        using var keys = new TempDirectory();
        using var key = new TestDkimKey(keys.Path);
        await using var rig = EmailRig.Smtp(server, o => o.Dkim = new DkimSettings { Domain = "bot.example.org", Selector = "pb2026", PrivateKeyPath = key.PrivateKeyPath });
        await rig.Channel.SendAsync(Papers.Batch("b-signed"), CancellationToken.None);

        var message = Assert.Single(server.Messages).Parse();
        message.Headers["List-Unsubscribe"] = "<https://evil.example.net/u>";

        Assert.False(await new DkimVerifier(key).VerifyAsync(message, message.Headers[message.Headers.IndexOf(HeaderId.DkimSignature)]));
    }
}
