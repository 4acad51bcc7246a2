using System.Net;
using System.Text.Json;
using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Rest;

/// <summary>Discord's status codes and JSON error codes (docs: Opcodes and Status Codes) as typed errors.</summary>
internal static class DiscordErrors
{
    public static DiscordError From(HttpStatusCode status, ErrorBody? body, TimeSpan? retryAfter)
    {
        var code = body?.Code ?? 0;
        var message = string.IsNullOrWhiteSpace(body?.Message) ? status.ToString() : body.Message;
        var s = (int)status;
        return (s, code) switch
        {
            ( >= 500, _) => new DiscordError.Transient(s, message, retryAfter),
            (_, 50035) => new DiscordError.InvalidFormBody(s, message, FieldErrors(body?.Errors)),
            (401, _) or (_, 50014) => new DiscordError.Unauthorized(s, code, message),
            (_, 50007) => new DiscordError.CannotMessageUser(s, message),
            (403, _) or (_, 50001) or (_, 50013) => new DiscordError.NoAccess(s, code, message),
            (404, _) or (_, 10003) => new DiscordError.NotFound(s, code, message),
            _ => new DiscordError.Other(s, code, message),
        };
    }

    /// <summary>Flattens <c>{"embeds":{"0":{"title":{"_errors":[{"code","message"}]}}}}</c> to
    /// <c>embeds.0.title → "BASE_TYPE_MAX_LENGTH: Must be 256 or fewer in length."</c>.</summary>
    public static IReadOnlyDictionary<string, string> FieldErrors(JsonElement? errors)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (errors is { ValueKind: JsonValueKind.Object } root) Walk(root, "", result, depth: 0);
        return result;
    }

    private static void Walk(JsonElement node, string path, SortedDictionary<string, string> result, int depth)
    {
        if (depth > 16 || result.Count >= 50) return;
        foreach (var property in node.EnumerateObject())
        {
            if (property.NameEquals("_errors") && property.Value.ValueKind == JsonValueKind.Array)
            {
                var messages = property.Value.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.Object)
                    .Select(e => $"{Text(e, "code")}: {Text(e, "message")}");
                result[path.Length == 0 ? "(body)" : path] = string.Join("; ", messages);
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, result, depth + 1);
            }
        }
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
}
