using System.Text;

namespace PaperBot.Testing;

/// <summary>Builds plain-text page captures (header, then title / blank / abstract paragraphs) for tests.</summary>
public static class Digests
{
    public const string Header = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMar 12\n\n";

    public static string Title(int i) => $"Paper {i:D3}: Studying Topic {i} with Careful Experiments";

    public static string Abstract(int i) =>
        $"We study topic {i} in depth. Our method improves on prior work by a clear margin across several benchmarks, " +
        $"and we analyse why it works. Code and data for experiment {i} are released for others to build on.";

    public static string Build(int count, string header = Header, string newline = "\n")
    {
        var sb = new StringBuilder(header);
        for (var i = 1; i <= count; i++)
            sb.Append(Title(i)).Append("\n\n").Append(Abstract(i)).Append("\n\n");
        return sb.ToString().TrimEnd('\n').Replace("\n", newline, StringComparison.Ordinal) + newline;
    }

    /// <summary>The shared real capture, when this checkout sits beside <c>shared/</c>; tests use it only if present.</summary>
    public static string? SharedCapture()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data", "hf-daily-papers-page.txt");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
