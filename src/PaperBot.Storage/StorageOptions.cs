using PaperBot.Core;

namespace PaperBot.Storage;

public sealed class StorageOptions : IValidatedOptions
{
    public static string Section => "Storage";

    /// <summary>The LiteDB file; relative paths are resolved against the working directory.</summary>
    public string Path { get; set; } = "data/paperbot.db";

    /// <summary>Papers first stored longer ago than this, that nothing references, are pruned daily; 0 keeps them forever.</summary>
    public int RetentionDays { get; set; }

    /// <summary>Copies the database into a new, smaller file on Sundays at 04:00 UTC (writes wait meanwhile).</summary>
    public bool CompactWeekly { get; set; } = true;

    public const int MaxRetentionDays = 36_500;

    public IEnumerable<ConfigurationError> Validate()
    {
        if (RetentionDays is < 0 or > MaxRetentionDays)
            yield return new("Storage:RetentionDays", $"must be between 0 (keep forever) and {MaxRetentionDays} days (got {RetentionDays})");
        if (string.IsNullOrWhiteSpace(Path))
            yield return new("Storage:Path", "must name the database file (e.g. data/paperbot.db)");
        else if (Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0 || Path.EndsWith('/') || Directory.Exists(Path))
            yield return new("Storage:Path", $"'{Path}' is not a file path");
    }
}
