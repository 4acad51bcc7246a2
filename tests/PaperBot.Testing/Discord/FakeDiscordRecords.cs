using System.Text.Json.Nodes;

namespace PaperBot.Testing.Discord;

/// <summary>A message the fake created (one per distinct nonce within the de-duplication window).</summary>
public sealed record FakeMessage(string Id, string ChannelId, string? Content, JsonArray Embeds, string? Nonce, JsonObject Body, DateTimeOffset At)
{
    public IEnumerable<JsonObject> EmbedObjects => Embeds.OfType<JsonObject>();
}

/// <summary>Every request the fake answered, with the answer's status; no bodies (see the typed records).</summary>
public sealed record FakeRequest(string Method, string Path, int Status, bool Injected, DateTimeOffset At, string? Authorization, string? UserAgent);

/// <summary>An interaction callback, an edit of the original answer, or a follow-up.</summary>
public sealed record FakeInteractionCall(string Kind, string InteractionIdOrApplication, string Token, JsonObject Body);

/// <summary>One bulk overwrite of the commands, global (<see cref="GuildId"/> null) or for one guild.</summary>
public sealed record FakeCommandPut(string? GuildId, JsonArray Commands);
