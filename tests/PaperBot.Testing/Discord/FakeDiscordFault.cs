using System.Text.Json.Nodes;

namespace PaperBot.Testing.Discord;

/// <summary>An answer the fake gives instead of the real one, once per scripted use.</summary>
public sealed record FakeDiscordFault(int Status, JsonObject Body, IReadOnlyDictionary<string, string> Headers)
{
    public bool IsRateLimit => Status == 429;

    /// <summary>A 429 of scope <c>user</c> (this bucket), <c>global</c> or <c>shared</c>, with Discord's body and headers.</summary>
    public static FakeDiscordFault RateLimit(string scope, TimeSpan retryAfter)
    {
        var global = scope == "global";
        var seconds = Math.Round(retryAfter.TotalSeconds, 3);
        var headers = new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Ceiling(retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Scope"] = scope,
        };
        if (global) headers["X-RateLimit-Global"] = "true";
        return new(429, new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = seconds, ["global"] = global }, headers);
    }

    public static FakeDiscordFault ServerError(int status = 500) =>
        new(status, new JsonObject { ["message"] = $"{status}: Internal Server Error", ["code"] = 0 }, new Dictionary<string, string>());

    /// <summary>A JSON error: 50007 (403), 10003 (404), 50001/50013 (403), 50035 (400, with <paramref name="errors"/>).</summary>
    public static FakeDiscordFault Error(int status, int code, string message, JsonObject? errors = null)
    {
        var body = new JsonObject { ["message"] = message, ["code"] = code };
        if (errors is not null) body["errors"] = errors;
        return new(status, body, new Dictionary<string, string>());
    }

    public static FakeDiscordFault UnknownChannel() => Error(404, 10003, "Unknown Channel");

    public static FakeDiscordFault MissingAccess() => Error(403, 50001, "Missing Access");

    public static FakeDiscordFault MissingPermissions() => Error(403, 50013, "Missing Permissions");

    public static FakeDiscordFault CannotMessageUser() => Error(403, 50007, "Cannot send messages to this user");
}
