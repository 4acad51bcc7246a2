namespace PaperBot.Core.Storage;

/// <summary>Small named values the service keeps between runs (e.g. the hash of the registered slash commands).</summary>
public interface ISettingsStore
{
    string? Get(string key);

    void Set(string key, string value);
}
