using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Storage;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Commands;

/// <summary>What registering the commands came to.</summary>
public sealed record RegistrationResult(string Scope, bool Changed, int Count, DiscordError? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Puts <see cref="CommandCatalog.All"/> to Discord with one bulk overwrite, globally or in one guild — only when the
/// set differs from what this database last registered for that application and scope (a hash in the settings), so
/// restarts do not spend Discord's 200 command creates a day.
/// </summary>
public sealed partial class CommandRegistration(IDiscordRestClient rest, ISettingsStore settings, DiscordOptions options, ILogger<CommandRegistration> log)
{
    /// <param name="guildId">A guild (instant, for testing), or null for global commands.</param>
    /// <param name="force">PUT even when the stored hash matches (someone changed the commands elsewhere).</param>
    public async Task<RegistrationResult> RegisterAsync(string? guildId, bool force, CancellationToken ct)
    {
        var scope = guildId is null ? "global" : "guild " + guildId;
        var key = $"discord.commands.{options.ApplicationId}.{guildId ?? "global"}";
        var commands = CommandCatalog.All;
        var hash = Hash(commands);
        if (!force && settings.Get(key) == hash) return new RegistrationResult(scope, false, commands.Count, null);

        var put = guildId is null
            ? await rest.OverwriteGlobalCommandsAsync(commands, ct).ConfigureAwait(false)
            : await rest.OverwriteGuildCommandsAsync(guildId, commands, ct).ConfigureAwait(false);
        if (!put.IsSuccess)
        {
            LogFailed(scope, put.Error!.ToString());
            return new RegistrationResult(scope, false, commands.Count, put.Error);
        }
        settings.Set(key, hash);
        LogRegistered(put.Value.Count, scope);
        return new RegistrationResult(scope, true, put.Value.Count, null);
    }

    /// <summary>The catalog's wire form, hashed: any change to a name, option or description changes it.</summary>
    public static string Hash(IReadOnlyList<ApplicationCommand> commands) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand)));

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Registered {Count} slash commands ({Scope})")]
    private partial void LogRegistered(int count, string scope);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "Registering the slash commands ({Scope}) failed: {Error}")]
    private partial void LogFailed(string scope, string error);
}
