using System.CommandLine;
using System.Diagnostics;
using PaperBot.Search.Indexing;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot reindex</c>: rebuilds the search index from the database (the index is derived data).</summary>
public static class ReindexVerb
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("reindex", "Rebuild the full-text search index from the database.");
        command.SetAction((_, ct) =>
        {
            // The registered index: inside the running service it is the one searches read (Lucene lets one writer in).
            // On its own, opening it first catches it up with the store, which is cheap unless it was missing or outdated.
            var index = ctx.Get<SearchIndex>();
            var watch = Stopwatch.StartNew();
            var count = ctx.Get<PaperIndexer>().Rebuild(ct);
            ctx.Out.WriteLine($"indexed {count:N0} papers in {watch.Elapsed.TotalSeconds:N1} s into {index.Path}");
            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }
}
