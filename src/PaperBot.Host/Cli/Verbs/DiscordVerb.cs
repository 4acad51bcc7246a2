using System.CommandLine;
using PaperBot.Discord;
using PaperBot.Discord.Commands;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot discord register-commands [--guild ID] [--force]</c>: puts the slash commands to Discord.</summary>
public static class DiscordVerb
{
    public static Command Create(CliContext ctx)
    {
        var guild = new Option<string?>("--guild") { Description = "Register in this guild only (instant; for testing). Default: Discord:GuildId, else global." };
        var force = new Option<bool>("--force") { Description = "Register even when the commands did not change since the last registration." };
        var register = new Command("register-commands", "Register the slash commands with Discord (only when they changed, unless --force).") { guild, force };
        register.SetAction(async (parse, ct) =>
        {
            var options = ctx.Settings.Discord;
            if (!options.Enabled) throw new UsageException("Discord:Token is empty: set the bot token (and Discord:ApplicationId) first");
            var guildId = parse.GetValue(guild) ?? (options.GuildId.Length > 0 ? options.GuildId : null);
            if (guildId is not null && !DiscordOptions.IsSnowflake(guildId)) throw new UsageException($"--guild: '{guildId}' is not a numeric Discord id");
            var result = await ctx.Get<CommandRegistration>().RegisterAsync(guildId, parse.GetValue(force), ct);
            if (!result.Succeeded)
            {
                ctx.Err.WriteLine($"error: registering the commands ({result.Scope}) failed: {result.Error}");
                return CliApp.Failed;
            }
            ctx.Out.WriteLine(result.Changed
                ? $"registered {result.Count} commands ({result.Scope})"
                : $"the {result.Count} commands are already registered ({result.Scope}); --force registers them again");
            return CliApp.Ok;
        });
        return new Command("discord", "Discord administration.") { register };
    }
}
