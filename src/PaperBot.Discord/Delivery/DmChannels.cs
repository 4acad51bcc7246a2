using System.Collections.Concurrent;
using PaperBot.Discord.Rest;

namespace PaperBot.Discord.Delivery;

/// <summary>A user's DM channel, asked of Discord once (Create DM returns the same channel every time) and cached.</summary>
public sealed class DmChannels(IDiscordRestClient rest)
{
    private readonly ConcurrentDictionary<string, string> _byUser = new(StringComparer.Ordinal);

    public async Task<DiscordResult<string>> ChannelOfAsync(string userId, CancellationToken ct)
    {
        if (_byUser.TryGetValue(userId, out var cached)) return DiscordResult<string>.Success(cached);
        var created = await rest.CreateDmAsync(userId, ct).ConfigureAwait(false);
        if (!created.IsSuccess) return created.Error!;
        _byUser[userId] = created.Value.Id;
        return DiscordResult<string>.Success(created.Value.Id);
    }

    /// <summary>The user's DM channel when it was asked for already.</summary>
    public string? Cached(string userId) => _byUser.GetValueOrDefault(userId);

    /// <summary>Discord said the cached channel is unknown: ask again next time.</summary>
    public void Forget(string userId) => _byUser.TryRemove(userId, out _);
}
