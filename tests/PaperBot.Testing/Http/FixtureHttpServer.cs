using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PaperBot.Testing.Http;

/// <summary>
/// A real HTTP server on a free loopback port (Kestrel) that answers scripted responses per path and records every
/// request with its headers and time. One per test: parallel-safe, no internet.
/// </summary>
public sealed class FixtureHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, FixtureResponse>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FixtureHttpServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
        BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    public Uri BaseUri { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Starts a server; <paramref name="time"/> stamps the recorded requests (a FakeTimeProvider in politeness tests).</summary>
    public static async Task<FixtureHttpServer> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FixtureHttpServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        server = new FixtureHttpServer(app, time ?? TimeProvider.System);
        return server;
    }

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery.TrimStart('/'));

    /// <summary>Answers <paramref name="path"/> (or an exact path and query) with these responses in turn; the last repeats.</summary>
    public FixtureHttpServer On(string path, params FixtureResponse[] responses)
    {
        if (responses.Length == 0) throw new ArgumentException("Script at least one response.", nameof(responses));
        var served = 0;
        return On(path, _ => responses[Math.Min(Interlocked.Increment(ref served) - 1, responses.Length - 1)]);
    }

    public FixtureHttpServer On(string path, Func<RecordedRequest, FixtureResponse> handler)
    {
        _routes[Normalise(path)] = handler;
        return this;
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) =>
        [.. _requests.Where(r => r.Path == Normalise(path) || r.PathAndQuery == Normalise(path))];

    private async Task HandleAsync(HttpContext context)
    {
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            _time.GetUtcNow());
        _requests.Enqueue(request);

        var response = _routes.TryGetValue(request.PathAndQuery, out var exact) ? exact(request)
            : _routes.TryGetValue(request.Path, out var byPath) ? byPath(request)
            : FixtureResponse.Text($"No fixture for {request.PathAndQuery}", status: 404);

        if (response.Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(response.Delay, context.RequestAborted).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers) context.Response.Headers[name] = value;
        if (response.Body.Length == 0) return;
        context.Response.ContentType = response.ContentType;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static string Normalise(string path) => path.StartsWith('/') ? path : "/" + path;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
