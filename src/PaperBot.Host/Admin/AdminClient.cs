using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using PaperBot.Host.Cli;
using PaperBot.Storage;

namespace PaperBot.Host.Admin;

/// <summary>
/// The CLI side of the admin route. While a service holds the database (its lock file), a verb cannot open the file
/// itself; it sends its arguments over the admin socket and the service runs the same verb against its own services,
/// streaming the verb's output and exit code back. With the service down, verbs open the database directly.
/// </summary>
public static class AdminClient
{
    /// <summary>Verbs that never go to the service: they start it, ask it over HTTP, or use their own database file.</summary>
    private static readonly HashSet<string> LocalVerbs = new(StringComparer.Ordinal) { "run", "demo", "healthcheck" };

    public enum Route { Here, Service, Refused }

    /// <summary>Where this invocation runs: help and local verbs here; a verb inside the service never goes further.</summary>
    public static Route RouteOf(ParseResult parse, CliContext ctx)
    {
        var ownAction = parse.Action is not null && ReferenceEquals(parse.Action, parse.CommandResult.Command.Action);
        var local = TopLevelVerb(parse) is not { } verb || LocalVerbs.Contains(verb);
        if (ctx.InsideService) return ownAction && local ? Route.Refused : Route.Here;
        return ownAction && !local ? Route.Service : Route.Here;
    }

    /// <summary>Runs the verb in the service when one holds the database and answers on its socket; null otherwise
    /// (no service: the verb opens the database itself; a service that does not answer: the verb says the file is in use).</summary>
    public static async Task<int?> TryRunAsync(string[] args, CliContext ctx, CancellationToken ct)
    {
        var database = ctx.Settings.Storage.Path;
        var socket = AdminSocket.PathFor(database);
        if (!LiteDbContext.IsInUse(database) || !File.Exists(socket)) return null;

        using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = (_, token) => ConnectAsync(socket, token) })
        {
            Timeout = Timeout.InfiniteTimeSpan, // a verb (an ingest, a backup) takes as long as it takes
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("http://paperbot" + AdminEndpoint.Route))
        {
            Content = JsonContent.Create(new AdminEndpoint.VerbRequest(args, ctx.CurrentDirectory)),
        };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException)
        {
            return null; // a stale socket file: nobody listens
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                ctx.Err.WriteLine($"error: the running service refused the command ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(ct)}");
                return CliApp.Failed;
            }
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            return await RelayAsync(body, ctx, ct);
        }
    }

    private static async Task<int> RelayAsync(Stream body, CliContext ctx, CancellationToken ct)
    {
        try
        {
            while (await AdminFrames.ReadAsync(body, ct) is { } frame)
            {
                var (kind, payload) = frame;
                switch (kind)
                {
                    case AdminFrames.Out:
                        ctx.Out.Write(Encoding.UTF8.GetString(payload));
                        break;
                    case AdminFrames.Err:
                        ctx.Err.Write(Encoding.UTF8.GetString(payload));
                        break;
                    case AdminFrames.Exit:
                        return AdminFrames.ExitCode(payload);
                    default:
                        throw new InvalidDataException($"unknown frame kind {kind}");
                }
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException or InvalidDataException)
        {
            ctx.Err.WriteLine($"error: lost the running service while it ran the command: {e.Message}");
            return CliApp.Failed;
        }
        ctx.Err.WriteLine("error: the running service stopped before the command finished");
        return CliApp.Failed;
    }

    private static async ValueTask<Stream> ConnectAsync(string path, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string? TopLevelVerb(ParseResult parse)
    {
        var result = parse.CommandResult;
        while (result.Parent is CommandResult parent && parent.Parent is not null) result = parent;
        return result.Parent is null ? null : result.Command.Name;
    }
}
