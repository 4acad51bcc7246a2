using System.Text.RegularExpressions;
using PaperBot.Testing;

namespace PaperBot.Core.Tests;

/// <summary>Core's folders read as the data flow: each depends only on folders before it, never back.</summary>
public sealed partial class CoreFoldersTests
{
    [Fact]
    public void No_folder_of_core_depends_on_a_folder_that_depends_back_on_it()
    {
        var graph = FolderDependencies();
        Assert.Contains("Outbox", graph.Keys);

        var cycles = graph.Keys.Select(start => PathBack(graph, start)).OfType<string>().ToList();

        Assert.True(cycles.Count == 0, "folder cycles in PaperBot.Core: " + string.Join("; ", cycles));
    }

    private static Dictionary<string, HashSet<string>> FolderDependencies()
    {
        var core = Path.Combine(Repository.Root(), "src", "PaperBot.Core");
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(core, file).Split(Path.DirectorySeparatorChar);
            if (relative.Length < 2 || relative[0] is "bin" or "obj") continue;
            var folder = relative[0];
            var uses = graph.TryGetValue(folder, out var set) ? set : graph[folder] = [];
            foreach (Match m in CoreReference().Matches(File.ReadAllText(file)))
            {
                if (m.Groups[1].Value != folder) uses.Add(m.Groups[1].Value);
            }
        }
        return graph;
    }

    /// <summary>A path from <paramref name="start"/> back to itself, if there is one.</summary>
    private static string? PathBack(Dictionary<string, HashSet<string>> graph, string start)
    {
        var queue = new Queue<List<string>>([[start]]);
        var seen = new HashSet<string>();
        while (queue.TryDequeue(out var path))
        {
            foreach (var next in graph.GetValueOrDefault(path[^1]) ?? [])
            {
                if (next == start) return string.Join(" → ", path.Append(start));
                if (seen.Add(next)) queue.Enqueue([.. path, next]);
            }
        }
        return null;
    }

    // A using directive or a qualified name: both make the folder depend on the other.
    [GeneratedRegex(@"\bPaperBot\.Core\.([A-Z]\w*)")]
    private static partial Regex CoreReference();
}
