using System.Text.Json.Serialization;
using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Interactions.Models;

/// <summary>Source-generated JSON for what arrives (the interaction) and what the HTTP endpoint answers inline, with
/// the wire conventions of <see cref="Rest.DiscordJsonContext"/>. Its own context: the generator cannot spread one
/// context over partial declarations in several files.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
public sealed partial class InteractionJsonContext : JsonSerializerContext;
