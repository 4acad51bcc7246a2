using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Storage;
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
            var path = SearchIndex.PathFor(ctx.Settings.Storage.Path);
            // Opened directly rather than through the container, which would catch up first and then rebuild twice.
            using var index = SearchIndex.Open(path);
            var indexer = new PaperIndexer(index, ctx.Get<IPaperStore>(), ctx.Get<ILogger<PaperIndexer>>());
            var watch = Stopwatch.StartNew();
            var count = indexer.Rebuild(ct);
            ctx.Out.WriteLine($"indexed {count:N0} papers in {watch.Elapsed.TotalSeconds:N1} s into {path}");
            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }
}
