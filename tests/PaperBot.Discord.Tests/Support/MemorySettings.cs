using System.Collections.Concurrent;
using PaperBot.Core.Storage;

namespace PaperBot.Discord.Tests.Support;

public sealed class MemorySettings : ISettingsStore
{
    public ConcurrentDictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public string? Get(string key) => Values.GetValueOrDefault(key);

    public void Set(string key, string value) => Values[key] = value;
}
