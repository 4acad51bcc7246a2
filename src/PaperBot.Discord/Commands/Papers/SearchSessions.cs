using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PaperBot.Discord.Commands.Papers;

/// <summary>What a search's buttons page through.</summary>
public sealed record SearchSession(string Query, int Limit, Core.Search.SearchSort Sort);

/// <summary>
/// Searches by a short key for their Previous / Next buttons: a query (up to 1,000 characters) does not fit in a
/// button's 100-character <c>custom_id</c>. Kept as long as the answer's interaction token lives (15 minutes), at most
/// <see cref="Capacity"/>; after a restart the buttons say the search expired.
/// </summary>
public sealed class SearchSessions(TimeProvider time)
{
    public const int Capacity = 2000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (SearchSession Session, DateTimeOffset Expires)> _sessions = new(StringComparer.Ordinal);

    public string Add(SearchSession session)
    {
        var now = time.GetUtcNow();
        if (_sessions.Count >= Capacity)
        {
            foreach (var (key, entry) in _sessions)
                if (entry.Expires <= now) _sessions.TryRemove(key, out _);
            // Still full of live sessions: the oldest go first.
            foreach (var key in _sessions.OrderBy(e => e.Value.Expires).Take(_sessions.Count - Capacity + 1).Select(e => e.Key).ToList())
                _sessions.TryRemove(key, out _);
        }
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        _sessions[id] = (session, now + Lifetime);
        return id;
    }

    public SearchSession? Find(string key) =>
        _sessions.TryGetValue(key, out var entry) && entry.Expires > time.GetUtcNow() ? entry.Session : null;
}
