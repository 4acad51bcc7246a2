using System.CommandLine;
using PaperBot.Storage;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot backup FILE</c>: a consistent copy of the database, whether or not the service runs (beside a
/// running service the admin route runs it inside the service, which holds the database).</summary>
public static class BackupVerb
{
    public static Command Create(CliContext ctx)
    {
        var file = new Argument<string>("file") { Description = "Where to write the copy (replaced if it exists)." };
        var command = new Command("backup", "Write a consistent copy of the database to FILE.") { file };
        command.SetAction(parse =>
        {
            var target = ctx.Resolve(parse.GetValue(file)!);
            var database = ctx.Settings.Storage.Path;
            if (Directory.Exists(target)) throw new UsageException($"file: {target} is a folder; name the backup file");
            if (new[] { database, database + ".lock", DatabaseBackup.LogFileOf(database) }.Any(f => string.Equals(f, target, StringComparison.Ordinal)))
                throw new UsageException($"file: {target} is the database's own file; back up to another path");
            var backup = DatabaseBackup.WriteTo(ctx.Get<LiteDbContext>(), target);
            ctx.Out.WriteLine($"backed up {backup.Papers:N0} papers, {backup.Subscriptions:N0} subscriptions and {backup.OutboxItems:N0} outbox items " +
                $"(schema {backup.SchemaVersion}, {backup.Bytes / 1024.0 / 1024.0:N1} MB) to {backup.Path}");
            return CliApp.Ok;
        });
        return command;
    }
}
