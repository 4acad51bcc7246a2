using System.Net;
using System.Net.Sockets;

namespace PaperBot.Testing.Http;

/// <summary>For a process we start ourselves, which can't be told to bind port 0 and report back: ask the OS for a free one.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
