using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PaperBot.Host.Cli;
using PaperBot.Host.Composition;
using PaperBot.Host.Runtime;

namespace PaperBot.Host.Admin;

/// <summary>
/// <c>POST /admin/verb</c>, answered only on the admin socket: runs a CLI verb inside the service, against the service's
/// own singletons (so a subscription added here reaches the running matcher, an import the live search index), with the
/// verb's own code, and streams its stdout, stderr and exit code back as <see cref="AdminFrames"/>.
/// </summary>
public static class AdminEndpoint
{
    public const string Route = "/admin/verb";

    public sealed record VerbRequest(string[]? Args, string? CurrentDirectory);

    public static void MapAdmin(this WebApplication app) =>
        app.MapPost(Route, async (HttpContext http, PaperBotSettings settings, ServiceReadiness readiness, TimeProvider time) =>
        {
            var ct = http.RequestAborted;
            // Read here rather than bound, so that nothing of the request is looked at off the admin socket.
            VerbRequest? request;
            try
            {
                request = await http.Request.ReadFromJsonAsync<VerbRequest>(ct);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                request = null;
            }
            if (request?.Args is not { } args || request.CurrentDirectory is not { } cwd || !Path.IsPathFullyQualified(cwd))
                return Results.BadRequest("expected { args: [...], currentDirectory: an absolute path }");
            http.Response.ContentType = "application/octet-stream";
            var body = http.Response.Body;
            try
            {
                // A verb runs against caught-up services, as it would in its own process.
                await readiness.WhenReady(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                await AdminFrames.WriteTextAsync(body, AdminFrames.Err, $"error: {e.Message}{Environment.NewLine}", ct);
                await AdminFrames.WriteExitAsync(body, CliApp.Failed, ct);
                return Results.Empty;
            }

            var frames = Channel.CreateUnbounded<(byte Kind, string Text)>(new UnboundedChannelOptions { SingleReader = true });
            var pump = PumpAsync(frames.Reader, body, ct);
            int code;
            try
            {
                using var output = new FrameWriter(frames.Writer, AdminFrames.Out);
                using var error = new FrameWriter(frames.Writer, AdminFrames.Err);
                using var ctx = CliContext.ForService(output, error, cwd, settings, http.RequestServices, time);
                try
                {
                    code = await CliApp.RunAsync(args, ctx, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A verb's own process would die with this; the service must not, and the operator sees why.
                    error.WriteLine($"error: {e.GetType().Name}: {e.Message}");
                    code = CliApp.Failed;
                }
            }
            finally
            {
                frames.Writer.TryComplete();
                await pump;
            }
            await AdminFrames.WriteExitAsync(body, code, ct);
            return Results.Empty;
        }).AddEndpointFilter(OnlyOnAdminSocket);

    /// <summary>For other routes that only the machine's operator may call (details that /healthz must not show).</summary>
    public static TBuilder RequireAdminSocket<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(OnlyOnAdminSocket);

    // Kestrel reports no IP address for a Unix socket connection, and the admin socket is the only non-IP listener.
    private static ValueTask<object?> OnlyOnAdminSocket(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Connection.LocalIpAddress is null ? next(context) : ValueTask.FromResult<object?>(Results.NotFound());

    private static async Task PumpAsync(ChannelReader<(byte Kind, string Text)> reader, Stream body, CancellationToken ct)
    {
        var text = new StringBuilder();
        while (await reader.WaitToReadAsync(ct))
        {
            byte kind = 0;
            while (reader.TryRead(out var item))
            {
                if (item.Kind != kind && text.Length > 0)
                {
                    await AdminFrames.WriteTextAsync(body, kind, text.ToString(), ct);
                    text.Clear();
                }
                kind = item.Kind;
                text.Append(item.Text);
            }
            if (text.Length > 0) await AdminFrames.WriteTextAsync(body, kind, text.ToString(), ct);
            text.Clear();
            await body.FlushAsync(ct);
        }
    }

    /// <summary>A verb's stdout or stderr: each write becomes text of one kind in the reply, in the order written.</summary>
    private sealed class FrameWriter(ChannelWriter<(byte Kind, string Text)> frames, byte kind) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => frames.TryWrite((kind, value.ToString()));

        public override void Write(string? value)
        {
            if (!string.IsNullOrEmpty(value)) frames.TryWrite((kind, value));
        }

        public override void Write(char[] buffer, int index, int count) => frames.TryWrite((kind, new string(buffer, index, count)));
    }
}
