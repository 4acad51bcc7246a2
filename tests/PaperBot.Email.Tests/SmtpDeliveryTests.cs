using PaperBot.Core.Delivery;
using PaperBot.Email.Tests.Support;
using PaperBot.Email.Transport;
using PaperBot.Testing.Smtp;

namespace PaperBot.Email.Tests;

public class SmtpDeliveryTests
{
    [Fact]
    public async Task A_digest_is_sent_over_smtp_and_reported_sent_with_its_message_id_after_the_final_250()
    {
        await using var server = await SmtpTestServer.StartAsync();
        await using var rig = EmailRig.Smtp(server);

        var result = await rig.Channel.SendAsync(Papers.Batch("b-1"), CancellationToken.None);

        Assert.Equal(new DeliveryResult.Sent("b-1@bot.example.org"), result);
        var received = Assert.Single(server.Messages);
        Assert.Equal("papers@bot.example.org", received.From);
        Assert.Equal(["ann@example.org"], received.To);
        var message = received.Parse();
        Assert.Equal("b-1@bot.example.org", message.MessageId);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("Diffusion Paper 1", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_450_is_transient_with_a_retry_hint_and_the_retry_reuses_the_message_id()
    {
        await using var server = await SmtpTestServer.StartAsync();
        server.Script("ann@example.org", SmtpAnswer.Defer, times: 1);
        await using var rig = EmailRig.Smtp(server);

        var first = await rig.Channel.SendAsync(Papers.Batch("b-greylisted"), CancellationToken.None);
        var retry = await rig.Channel.SendAsync(Papers.Batch("b-greylisted"), CancellationToken.None);

        var transient = Assert.IsType<DeliveryResult.Transient>(first);
        Assert.Contains("450", transient.Reason, StringComparison.Ordinal);
        Assert.Equal(SmtpFailures.AfterTemporaryReply, transient.RetryAfter);
        Assert.Null(rig.Suppressions.Find("ann@example.org"));
        Assert.IsType<DeliveryResult.Sent>(retry);
        Assert.Equal("b-greylisted@bot.example.org", Assert.Single(server.Messages).Parse().MessageId);
        Assert.Equal(1, server.Sessions);
    }

    [Theory]
    [InlineData(SmtpAnswer.Reject, "550")]
    [InlineData(SmtpAnswer.RejectMessage, "554")]
    public async Task A_5xx_rejection_is_permanent_and_suppresses_the_address(SmtpAnswer answer, string code)
    {
        await using var server = await SmtpTestServer.StartAsync();
        server.Script("gone@example.org", answer);
        await using var rig = EmailRig.Smtp(server);

        var result = await rig.Channel.SendAsync(Papers.Batch("b-1", subscription: Papers.Subscription("Gone@Example.org")), CancellationToken.None);
        var next = await rig.Channel.SendAsync(Papers.Batch("b-2"), CancellationToken.None);

        var permanent = Assert.IsType<DeliveryResult.Permanent>(result);
        Assert.Contains(code, permanent.Reason, StringComparison.Ordinal);
        var suppression = rig.Suppressions.Find("gone@example.org");
        Assert.NotNull(suppression);
        Assert.Equal(permanent.Reason, suppression.Reason);
        Assert.Equal(Papers.Now, suppression.At);
        Assert.IsType<DeliveryResult.Sent>(next);
        Assert.Equal(1, server.Sessions);
    }

    [Fact]
    public async Task A_connection_dropped_mid_message_is_transient_and_the_next_send_reconnects()
    {
        await using var server = await SmtpTestServer.StartAsync();
        server.Script("ann@example.org", SmtpAnswer.Drop, times: 1);
        await using var rig = EmailRig.Smtp(server);

        var dropped = await rig.Channel.SendAsync(Papers.Batch("b-1"), CancellationToken.None);
        var again = await rig.Channel.SendAsync(Papers.Batch("b-1"), CancellationToken.None);

        var transient = Assert.IsType<DeliveryResult.Transient>(dropped);
        Assert.Equal(SmtpFailures.AfterConnectionLoss, transient.RetryAfter);
        Assert.IsType<DeliveryResult.Sent>(again);
        Assert.Single(server.Messages);
        Assert.Equal(2, server.Sessions);
        Assert.Null(rig.Suppressions.Find("ann@example.org"));
    }

    [Fact]
    public async Task A_session_the_server_closed_while_idle_is_replaced_without_a_failed_send()
    {
        await using var server = await SmtpTestServer.StartAsync(idleTimeout: TimeSpan.FromMilliseconds(300));
        await using var rig = EmailRig.Smtp(server);

        Assert.IsType<DeliveryResult.Sent>(await rig.Channel.SendAsync(Papers.Batch("b-1"), CancellationToken.None));
        await server.WaitForSessionsEndedAsync(1);
        var afterIdle = await rig.Channel.SendAsync(Papers.Batch("b-2"), CancellationToken.None);

        Assert.IsType<DeliveryResult.Sent>(afterIdle);
        Assert.Equal(2, server.Sessions);
    }

    [Fact]
    public async Task Many_messages_reuse_a_few_connections_and_disposing_says_quit()
    {
        await using var server = await SmtpTestServer.StartAsync();
        var rig = EmailRig.Smtp(server, o => o.Smtp.PoolSize = 3);

        var results = await Task.WhenAll(Enumerable.Range(1, 40).Select(i =>
            rig.Channel.SendAsync(Papers.Batch($"b-{i}", subscription: Papers.Subscription($"reader{i}@example.org")), CancellationToken.None)));
        var transport = rig.Get<SmtpTransport>();
        await rig.DisposeAsync();

        Assert.All(results, r => Assert.IsType<DeliveryResult.Sent>(r));
        Assert.Equal(40, server.Messages.Count);
        Assert.InRange(server.Sessions, 1, 3);
        Assert.Equal(server.Sessions, transport.SessionsOpened);
        await server.WaitForSessionsEndedAsync(server.Sessions);
    }

    [Fact]
    public async Task With_a_username_but_no_auth_offered_the_message_is_sent_without_logging_in()
    {
        await using var server = await SmtpTestServer.StartAsync();
        await using var rig = EmailRig.Smtp(server, o => (o.Smtp.Username, o.Smtp.Password) = ("bot", "secret"));

        Assert.IsType<DeliveryResult.Sent>(await rig.Channel.SendAsync(Papers.Batch("b-1"), CancellationToken.None));
    }

    [Fact]
    public async Task No_server_listening_is_a_transient_failure()
    {
        int port;
        await using (var gone = await SmtpTestServer.StartAsync()) port = gone.Port;
        await using var rig = EmailRig.With(_ => new EmailOptions
        {
            From = "papers@bot.example.org",
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(5) },
        });

        var result = await rig.Channel.SendAsync(Papers.Batch("b-1"), CancellationToken.None);

        Assert.StartsWith("connection to the SMTP server lost", Assert.IsType<DeliveryResult.Transient>(result).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SmtpSecurity.StartTls)]
    [InlineData(SmtpSecurity.SslOnConnect)]
    public async Task Over_starttls_and_ssl_on_connect_alike_digests_leave_through_the_pooled_batched_stream_encrypted(SmtpSecurity security)
    {
        using var certificate = SmtpTestServer.SelfSignedCertificate();
        await using var server = await SmtpTestServer.StartAsync(certificate: certificate, implicitTls: security == SmtpSecurity.SslOnConnect);
        var validated = 0;
        await using var rig = EmailRig.Smtp(server, o =>
        {
            o.Smtp.Security = security;
            o.Smtp.CertificateValidation = (_, presented, _, _) =>
            {
                Interlocked.Increment(ref validated);
                return presented?.GetCertHashString() == certificate.GetCertHashString();
            };
        });

        var results = new List<DeliveryResult>();
        for (var i = 0; i < 3; i++) results.Add(await rig.Channel.SendAsync(Papers.Batch($"b-{i}"), CancellationToken.None));

        Assert.True(results.All(r => r is DeliveryResult.Sent), $"certificate checked {validated} times: {results[0]}");
        Assert.Equal(3, server.Messages.Count);
        Assert.Contains("Diffusion Paper 1", server.Messages[2].Parse().TextBody, StringComparison.Ordinal);
        Assert.InRange(validated, 1, server.Sessions); // every session went through the TLS handshake
    }

    [Fact]
    public async Task StartTls_demanded_of_a_server_without_it_is_a_transient_setup_problem()
    {
        await using var server = await SmtpTestServer.StartAsync();
        await using var rig = EmailRig.Smtp(server, o => o.Smtp.Security = SmtpSecurity.StartTls);

        var result = await rig.Channel.SendAsync(Papers.Batch("b-1"), CancellationToken.None);

        var transient = Assert.IsType<DeliveryResult.Transient>(result);
        Assert.Equal(SmtpFailures.AfterSetupProblem, transient.RetryAfter);
        Assert.Empty(server.Messages);
    }
}
