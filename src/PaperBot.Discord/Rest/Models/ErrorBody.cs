using System.Text.Json;

namespace PaperBot.Discord.Rest.Models;

/// <summary>Discord's JSON error body: <c>{code, message, errors?}</c>; on 429 also <c>retry_after</c> and <c>global</c>.</summary>
public sealed record ErrorBody
{
    public int Code { get; init; }
    public string? Message { get; init; }

    /// <summary>50035's nested field errors: <c>{"embeds":{"0":{"title":{"_errors":[{code,message}]}}}}</c>.</summary>
    public JsonElement? Errors { get; init; }

    /// <summary>Seconds (decimals), on 429.</summary>
    public double? RetryAfter { get; init; }
    public bool? Global { get; init; }
}
