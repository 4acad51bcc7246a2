namespace PaperBot.EndToEnd.Harness.Fuzz;

/// <summary>Log lines that mean an input reached code that threw, even where the caller answered cleanly.</summary>
public static class CrashLines
{
    private static readonly string[] Markers =
    [
        "IngestionService[3007]",   // a source's poll threw
        "InteractionRouter[6203]",  // a slash command threw ("Something went wrong on PaperBot's side")
        "unhandled exception",      // an endpoint (ASP.NET Core, Kestrel) or the process
    ];

    /// <summary>Each such line with the two after it (the exception's type and message).</summary>
    public static IReadOnlyList<string> In(string output)
    {
        var lines = output.Split('\n');
        return [.. lines.Select((line, i) => (line, i))
            .Where(x => Markers.Any(m => x.line.Contains(m, StringComparison.OrdinalIgnoreCase)))
            .Select(x => string.Join(" / ", lines.Skip(x.i).Take(3).Select(l => l.Trim())))];
    }
}
