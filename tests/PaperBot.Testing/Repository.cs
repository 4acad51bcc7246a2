namespace PaperBot.Testing;

/// <summary>The source tree the tests were built from, for tests that read the repository's own files.</summary>
public static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PaperBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("PaperBot.sln not found above the test binaries.");
    }
}
