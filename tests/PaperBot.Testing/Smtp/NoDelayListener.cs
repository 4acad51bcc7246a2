using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace PaperBot.Testing.Smtp;

/// <summary>
/// Accepts sessions with <c>NoDelay</c>, as real MTAs do: with Nagle on, the server's reply to RCPT waits behind the
/// unacknowledged reply to MAIL for the client's delayed ACK (about 40 ms a message), which would make the sink, not
/// the sender, the thing measured. Binds port 0 and reports the port the OS chose.
/// </summary>
internal sealed class NoDelayListenerFactory : IEndpointListenerFactory
{
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<int> Port => _port.Task;

    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        _port.TrySetResult(((IPEndPoint)listener.LocalEndpoint).Port);
        return new Listener(listener);
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties[EndpointListener.LocalEndPointKey] = client.Client.LocalEndPoint!;
            context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
            return new PlainPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>The session's byte pipes over the accepted socket, over TLS once STARTTLS upgraded them.</summary>
    private sealed class PlainPipe(TcpClient client) : ISecurableDuplexPipe
    {
        /// <summary>Reads up to 64 KB at once, as MTAs do: the default 4 KB made the sink wake ~20 times for one digest.</summary>
        private static readonly StreamPipeReaderOptions ReadOptions = new(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024);

        private Stream _stream = client.GetStream();
        private PipeReader? _input;
        private PipeWriter? _output;

        public PipeReader Input => _input ??= PipeReader.Create(_stream, ReadOptions);
        public PipeWriter Output => _output ??= PipeWriter.Create(_stream);
        public bool IsSecure => _stream is SslStream;
        public SslProtocols SslProtocol => (_stream as SslStream)?.SslProtocol ?? SslProtocols.None;

        public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
        {
            // The client starts its handshake only after the 220 to STARTTLS, so nothing is left in the plain pipes.
            var tls = new SslStream(_stream, leaveInnerStreamOpen: true);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate, EnabledSslProtocols = protocols }, cancellationToken);
            _stream = tls;
            _input = null;
            _output = null;
        }

        public void Dispose()
        {
            _stream.Dispose();
            client.Dispose();
        }
    }
}
