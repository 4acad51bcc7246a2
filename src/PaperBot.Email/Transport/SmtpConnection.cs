using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace PaperBot.Email.Transport;

/// <summary>
/// One open, authenticated SMTP session. The socket is ours, with <c>NoDelay</c>: with Nagle on, the final
/// "CRLF.CRLF" waits for the server's delayed ACK of the body, about 40 ms a message. MailKit talks over a
/// <see cref="BatchingStream"/> on it (<c>ConnectAsync(Stream, …)</c>), so a message leaves in one send.
/// </summary>
internal sealed class SmtpConnection : IDisposable
{
    private readonly Socket _socket;

    private SmtpConnection(Socket socket, SmtpClient client)
    {
        _socket = socket;
        Client = client;
    }

    public SmtpClient Client { get; }

    /// <summary>Connected, and the server has neither closed the session nor spoken out of turn (a 421 before closing).</summary>
    public bool IsUsable
    {
        get
        {
            try
            {
                return Client.IsConnected && !_socket.Poll(0, SelectMode.SelectRead);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return false;
            }
        }
    }

    public static async Task<SmtpConnection> OpenAsync(SmtpSettings settings, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        if (settings.CertificateValidation is { } validate) client.ServerCertificateValidationCallback = validate;
        try
        {
            await socket.ConnectAsync(settings.Host, settings.Port, timeout.Token);
            var stream = new BatchingStream(new NetworkStream(socket, ownsSocket: false));
            await client.ConnectAsync(stream, settings.Host, settings.Port, Map(settings.Security, settings.Port), timeout.Token);
            // Only when offered: a relay on localhost often takes mail without a login.
            if (!string.IsNullOrEmpty(settings.Username) && client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
                await client.AuthenticateAsync(settings.Username, settings.Password, timeout.Token);
            return new SmtpConnection(socket, client);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            client.Dispose();
            socket.Dispose();
            throw new TimeoutException($"no SMTP session within {settings.Timeout}");
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }

    /// <summary>QUIT, then close; a server that is already gone is fine.</summary>
    public async Task QuitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            if (Client.IsConnected) await Client.DisconnectAsync(true, cts.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or MailKit.ProtocolException or SmtpCommandException)
        {
            // Closing anyway.
        }
        Dispose();
    }

    public void Quit(TimeSpan timeout)
    {
        _socket.SendTimeout = _socket.ReceiveTimeout = (int)timeout.TotalMilliseconds;
        try
        {
            if (Client.IsConnected) Client.Disconnect(true);
        }
        catch (Exception e) when (e is IOException or SocketException or MailKit.ProtocolException or SmtpCommandException)
        {
            // Closing anyway.
        }
        Dispose();
    }

    public void Dispose()
    {
        Client.Dispose();
        _socket.Dispose();
    }

    private static SecureSocketOptions Map(SmtpSecurity security, int port) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable,
    };
}
