using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Discord.Interactions.Models;

namespace PaperBot.Discord.Interactions;

/// <summary>
/// <c>POST /discord/interactions</c> (<c>Discord:Transport</c> = <c>Http</c>): the body is read up to
/// <see cref="MaxBodyBytes"/>, its signature checked before anything parses it (401 otherwise, which Discord probes on
/// purpose), then PING is answered with PONG and everything else by the router, inline.
/// </summary>
public sealed class InteractionEndpoint(InteractionSignature signature, InteractionRouter router, DiscordMetrics metrics, ILogger<InteractionEndpoint> log)
{
    public const string Route = "/discord/interactions";

    /// <summary>Interactions are a few KiB; a larger body is not one.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public async Task HandleAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            Refuse(http, StatusCodes.Status413PayloadTooLarge, "too_large", "a body over the size limit");
            return;
        }
        var body = await ReadAsync(http.Request, ct).ConfigureAwait(false);
        if (body is null)
        {
            Refuse(http, StatusCodes.Status413PayloadTooLarge, "too_large", "a body over the size limit");
            return;
        }
        var check = signature.Check(http.Request.Headers[InteractionSignature.SignatureHeader], http.Request.Headers[InteractionSignature.TimestampHeader], body);
        if (check != SignatureCheck.Valid)
        {
            Refuse(http, StatusCodes.Status401Unauthorized, "signature_" + check.ToString().ToLowerInvariant(), "signature " + check);
            return;
        }

        Interaction? interaction;
        try
        {
            // Invalid UTF-8 inside a string parses lazily and throws where a command reads it: refused here instead.
            interaction = System.Text.Unicode.Utf8.IsValid(body) ? JsonSerializer.Deserialize(body, InteractionJsonContext.Default.Interaction) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            interaction = null;
        }
        if (interaction is null || !interaction.IsWellFormed())
        {
            Refuse(http, StatusCodes.Status400BadRequest, "not_an_interaction", "a signed body that is not an interaction");
            return;
        }

        var routed = await router.RouteAsync(interaction, ct).ConfigureAwait(false);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Response.Body, routed.Initial, InteractionJsonContext.Default.InteractionResponse, ct).ConfigureAwait(false);
        await http.Response.CompleteAsync().ConfigureAwait(false);
        router.FollowUp(interaction, routed);
    }

    private void Refuse(HttpContext http, int status, string metric, string reason)
    {
        metrics.InteractionRefused(metric);
        InteractionLog.Refused(log, reason);
        http.Response.StatusCode = status;
    }

    /// <returns>The raw body, or null when it is over <see cref="MaxBodyBytes"/>.</returns>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), ct).ConfigureAwait(false);
            if (read == 0) return buffer.WrittenSpan.ToArray();
            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBodyBytes) return null;
        }
    }
}

public static class InteractionEndpointExtensions
{
    /// <summary>Maps <c>POST /discord/interactions</c>; Host calls it only when <c>Discord:Transport</c> is <c>Http</c>.</summary>
    public static IEndpointConventionBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(InteractionEndpoint.Route, (HttpContext http) => http.RequestServices.GetRequiredService<InteractionEndpoint>().HandleAsync(http));
}
