using System.Text.Json.Serialization;

namespace PaperBot.Sources.HuggingFace;

// Wire shapes of GET /api/daily_papers (only the fields PaperBot uses). Dates stay strings so that one bad date
// costs that date, not the whole item.

internal sealed record HfDailyItemDto(
    [property: JsonPropertyName("paper")] HfPaperDto? Paper,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("publishedAt")] string? PublishedAt);

internal sealed record HfPaperDto(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("authors")] IReadOnlyList<HfAuthorDto>? Authors,
    [property: JsonPropertyName("upvotes")] int? Upvotes,
    [property: JsonPropertyName("ai_summary")] string? AiSummary,
    [property: JsonPropertyName("ai_keywords")] IReadOnlyList<string>? AiKeywords,
    [property: JsonPropertyName("githubRepo")] string? GithubRepo,
    [property: JsonPropertyName("projectPage")] string? ProjectPage,
    [property: JsonPropertyName("publishedAt")] string? PublishedAt,
    [property: JsonPropertyName("submittedOnDailyAt")] string? SubmittedOnDailyAt);

internal sealed record HfAuthorDto(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("hidden")] bool Hidden);

[JsonSerializable(typeof(HfDailyItemDto))]
[JsonSourceGenerationOptions(AllowTrailingCommas = true, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
internal sealed partial class HfJsonContext : JsonSerializerContext;
