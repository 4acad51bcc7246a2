using System.Text.Json.Serialization;
using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Rest;

/// <summary>Source-generated JSON for the wire models: snake_case names, nulls omitted, unknown fields ignored.
/// Other folders add their types with their own <c>[JsonSerializable]</c> on a partial declaration of this class.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(MessageCreate))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(DmCreate))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(GatewayBot))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(InteractionResponseData))]
[JsonSerializable(typeof(ErrorBody))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
