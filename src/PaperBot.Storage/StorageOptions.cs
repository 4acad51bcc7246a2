using PaperBot.Core;

namespace PaperBot.Storage;

public sealed class StorageOptions : IValidatedOptions
{
    public static string Section => "Storage";

    /// <summary>The LiteDB file; relative paths are resolved against the working directory.</summary>
    public string Path { get; set; } = "data/paperbot.db";

    public IEnumerable<ConfigurationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
            yield return new("Storage:Path", "must name the database file (e.g. data/paperbot.db)");
        else if (Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0 || Path.EndsWith('/') || Directory.Exists(Path))
            yield return new("Storage:Path", $"'{Path}' is not a file path");
    }
}
