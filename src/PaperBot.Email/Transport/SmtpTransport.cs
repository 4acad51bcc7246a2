using System.Collections.Concurrent;
using MimeKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Delivery;

namespace PaperBot.Email.Transport;

/// <summary>
/// SMTP with a small pool of reused sessions (<c>Email:Smtp:PoolSize</c>): each connects and authenticates once
/// and then sends many messages, as MailKit's author recommends; a session is used by one sender at a time
/// (<see cref="SmtpClient"/> is not thread-safe). A session the server closed is replaced before use; one that failed
/// mid-message is dropped and the message reported transient. Disposing says QUIT on every idle session.
/// </summary>
public sealed class SmtpTransport : IMailTransport, IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan QuitTimeout = TimeSpan.FromSeconds(5);

    private readonly SmtpSettings _settings;
    private readonly ILogger<SmtpTransport> _log;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<SmtpConnection> _idle = new();
    private int _opened;
    private volatile bool _disposed;

    public SmtpTransport(EmailOptions options, ILogger<SmtpTransport> log)
    {
        _settings = options.Smtp;
        _log = log;
        _slots = new SemaphoreSlim(options.Smtp.PoolSize, options.Smtp.PoolSize);
    }

    public string Kind => "smtp";

    /// <summary>Sessions opened so far (reuse keeps this far below the messages sent).</summary>
    public int SessionsOpened => Volatile.Read(ref _opened);

    public async Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(ct);
        SmtpConnection? connection = null;
        try
        {
            connection = await TakeAsync(ct);
            await connection.Client.SendAsync(message, ct);
            return new SendOutcome(new DeliveryResult.Sent(message.MessageId));
        }
        catch (Exception e) when (SmtpFailures.Map(e, _settings.RetryAfterDeferral, _settings.RetryAfterConnectionLoss) is { } outcome && !(e is OperationCanceledException && ct.IsCancellationRequested))
        {
            _log.LogWarning("SMTP send of {MessageId} failed: {Reason}", message.MessageId, outcome.Result);
            // A refused recipient leaves the session in a clean state (MailKit resets it); anything else may not.
            if (connection is not null && !(e is SmtpCommandException && connection.Client.IsConnected))
            {
                connection.Dispose();
                connection = null;
            }
            return outcome;
        }
        catch
        {
            connection?.Dispose();
            connection = null;
            throw;
        }
        finally
        {
            if (connection is not null)
            {
                if (_disposed) connection.Quit(QuitTimeout);
                else _idle.Push(connection);
            }
            _slots.Release();
        }
    }

    private async Task<SmtpConnection> TakeAsync(CancellationToken ct)
    {
        while (_idle.TryPop(out var idle))
        {
            if (idle.IsUsable) return idle;
            idle.Dispose();
        }
        var opened = await SmtpConnection.OpenAsync(_settings, ct);
        Interlocked.Increment(ref _opened);
        return opened;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryPop(out var connection)) await connection.QuitAsync(QuitTimeout);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryPop(out var connection)) connection.Quit(QuitTimeout);
    }
}
