using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;

namespace PaperBot.Testing.Smtp;

/// <summary>
/// A real SMTP server in-process on a loopback port the OS picks (the SmtpServer package): records every accepted
/// message and every session, and answers scripted recipients with 450, 550, 554 or a dropped connection.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMessage> _messages = new();
    private readonly ConcurrentDictionary<string, (SmtpAnswer Answer, int Times)> _script = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _keep;
    private readonly SemaphoreSlim _received = new(0);
    private readonly SemaphoreSlim _sessionEnded = new(0);
    private int _sessions;
    private long _accepted;
    private Task _running = Task.CompletedTask;

    private SmtpTestServer(bool keepMessages, TimeSpan? idleTimeout, X509Certificate2? certificate, bool implicitTls, out NoDelayListenerFactory listeners)
    {
        _keep = keepMessages;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b =>
            {
                b.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)).SessionTimeout(idleTimeout ?? TimeSpan.FromMinutes(2));
                if (certificate is not null) b.Certificate(certificate).IsSecure(implicitTls); // STARTTLS, or TLS from the start
            });
        if (idleTimeout is { } idle) options.CommandWaitTimeout(idle);
        listeners = new NoDelayListenerFactory();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(this));
        services.Add(new Filter(this));
        _server = new SmtpServer.SmtpServer(options.Build(), services);
        _server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _server.SessionCompleted += (_, _) => _sessionEnded.Release();
        _server.SessionFaulted += (_, _) => _sessionEnded.Release();
        _server.SessionCancelled += (_, _) => _sessionEnded.Release();
    }

    public int Port { get; private set; }

    /// <summary>SMTP sessions (connections) opened so far.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>Messages accepted so far (kept or not).</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    public IReadOnlyList<ReceivedMessage> Messages => [.. _messages];

    /// <param name="keepMessages">False for a sink that only counts (benchmarks).</param>
    /// <param name="idleTimeout">Close a session that sends no command for this long.</param>
    /// <param name="certificate">With one, the server offers STARTTLS (see <see cref="SelfSignedCertificate"/>).</param>
    /// <param name="implicitTls">With a certificate: TLS from the first byte (port 465 style) instead of STARTTLS.</param>
    public static async Task<SmtpTestServer> StartAsync(bool keepMessages = true, TimeSpan? idleTimeout = null, X509Certificate2? certificate = null,
        bool implicitTls = false)
    {
        var server = new SmtpTestServer(keepMessages, idleTimeout, certificate, implicitTls, out var listeners);
        server._running = server._server.StartAsync(server._stop.Token);
        server.Port = await listeners.Port.WaitAsync(TimeSpan.FromSeconds(10));
        return server;
    }

    /// <summary>A certificate for "localhost", made here, with its private key.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null); // SslStream wants the key attached
    }

    /// <summary>The next <paramref name="times"/> messages to <paramref name="recipient"/> get <paramref name="answer"/>.</summary>
    public void Script(string recipient, SmtpAnswer answer, int times = int.MaxValue) => _script[recipient] = (answer, times);

    /// <summary>Waits until at least <paramref name="count"/> messages were accepted in all.</summary>
    public async Task WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (Accepted < count) await _received.WaitAsync(cts.Token);
    }

    /// <summary>Waits until <paramref name="count"/> sessions have ended (closed by either side).</summary>
    public async Task WaitForSessionsEndedAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        for (var i = 0; i < count; i++) await _sessionEnded.WaitAsync(cts.Token);
    }

    private SmtpAnswer? Take(string recipient, params SmtpAnswer[] kinds)
    {
        while (_script.TryGetValue(recipient, out var entry) && kinds.Contains(entry.Answer))
        {
            var next = entry.Times == int.MaxValue ? entry : entry with { Times = entry.Times - 1 };
            var updated = next.Times <= 0 ? _script.TryRemove(new KeyValuePair<string, (SmtpAnswer, int)>(recipient, entry)) : _script.TryUpdate(recipient, next, entry);
            if (updated) return entry.Answer;
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await Task.WhenAll(_running, _server.ShutdownTask).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Cancelled sessions end this way.
        }
        _stop.Dispose();
    }

    private static string Address(IMailbox mailbox) => mailbox.User + "@" + mailbox.Host;

    private sealed class Filter(SmtpTestServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(SmtpServer.ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(SmtpServer.ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            server.Take(Address(to), SmtpAnswer.Defer, SmtpAnswer.Reject) switch
            {
                SmtpAnswer.Defer => throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.Unavailable, "4.2.0 mailbox busy, try again later")),
                SmtpAnswer.Reject => throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 no such mailbox")),
                _ => Task.FromResult(true),
            };
    }

    private sealed class Store(SmtpTestServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(SmtpServer.ISessionContext context, SmtpServer.IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var to = transaction.To.Select(Address).ToList();
            foreach (var recipient in to)
            {
                switch (server.Take(recipient, SmtpAnswer.RejectMessage, SmtpAnswer.Drop))
                {
                    case SmtpAnswer.RejectMessage:
                        return Task.FromResult(new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.6.0 message refused"));
                    case SmtpAnswer.Drop:
                        // Closes the connection under the session: the client never sees a reply.
                        context.Pipe.Dispose();
                        return Task.FromResult(SmtpResponse.TransactionFailed);
                }
            }
            if (server._keep)
                server._messages.Enqueue(new ReceivedMessage(context.SessionId.ToString(), Address(transaction.From), to, buffer.ToArray()));
            Interlocked.Increment(ref server._accepted);
            server._received.Release();
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
