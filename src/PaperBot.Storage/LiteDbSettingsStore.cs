using LiteDB;
using PaperBot.Core.Storage;

namespace PaperBot.Storage;

/// <summary>The <c>settings</c> collection: one document per key, <c>{_id: key, Value}</c>.</summary>
public sealed class LiteDbSettingsStore(LiteDbContext context) : ISettingsStore
{
    public string? Get(string key) => context.Settings.FindById(key)?["Value"] is { IsString: true } value ? value.AsString : null;

    public void Set(string key, string value) =>
        WriteTransaction.Run(context, "a setting", () => context.Settings.Upsert(new BsonDocument { ["_id"] = key, ["Value"] = value }));
}
