using System.Text.RegularExpressions;
using PaperBot.Testing;

namespace PaperBot.Host.Tests.Container;

/// <summary>The repository's Dockerfile, read as instructions (no Docker engine runs here).</summary>
public sealed partial class Dockerfile
{
    private Dockerfile(string root, IReadOnlyList<string> instructions)
    {
        Root = root;
        Instructions = instructions;
    }

    public string Root { get; }

    /// <summary>One entry per instruction, continuation lines joined.</summary>
    public IReadOnlyList<string> Instructions { get; }

    public static Dockerfile Load()
    {
        var root = RepositoryRoot();
        var text = File.ReadAllText(Path.Combine(root, "Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal);
        var instructions = text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        return new Dockerfile(root, instructions);
    }

    public IEnumerable<string> All(string keyword) =>
        Instructions.Where(i => i.StartsWith(keyword + " ", StringComparison.Ordinal)).Select(i => i[(keyword.Length + 1)..].Trim());

    /// <summary>The <c>ENV</c> pairs of the final stage.</summary>
    public IReadOnlyDictionary<string, string> FinalEnvironment()
    {
        var lastFrom = Instructions.ToList().FindLastIndex(i => i.StartsWith("FROM ", StringComparison.Ordinal));
        return Instructions.Skip(lastFrom)
            .Where(i => i.StartsWith("ENV ", StringComparison.Ordinal))
            .SelectMany(i => EnvPair().Matches(i[4..]))
            .ToDictionary(m => m.Groups["k"].Value, m => m.Groups["v"].Value.Trim('"'));
    }

    [GeneratedRegex("""(?<k>[A-Za-z_][A-Za-z0-9_]*)=(?<v>"[^"]*"|\S+)""")]
    private static partial Regex EnvPair();

    public static string RepositoryRoot() => Repository.Root();
}
