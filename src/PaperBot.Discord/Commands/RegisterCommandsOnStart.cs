using Microsoft.Extensions.Hosting;

namespace PaperBot.Discord.Commands;

/// <summary>In <c>run</c>: registers the slash commands (in <c>Discord:GuildId</c> when set) if they changed. A failure is
/// logged and the service goes on: alerts do not need the commands.</summary>
public sealed class RegisterCommandsOnStart(CommandRegistration registration, DiscordOptions options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        registration.RegisterAsync(options.GuildId.Length > 0 ? options.GuildId : null, force: false, stoppingToken);
}
