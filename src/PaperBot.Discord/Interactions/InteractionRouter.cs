using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Interactions.Models;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Interactions;

/// <summary>The first response to an interaction, and the command still running when it had to be deferred.</summary>
public sealed record RoutedInteraction(InteractionResponse Initial, Task<CommandAnswer>? Pending = null);

/// <summary>
/// Routes every interaction, whichever transport brought it, to its command, autocomplete or button. Discord wants a
/// first response within 3 seconds: a command that has not answered within <see cref="DeferAfter"/> is deferred
/// (type 5, or 6 for a button) and its answer replaces the "thinking…" message when it is ready (edit original).
/// </summary>
public sealed class InteractionRouter
{
    /// <summary>Leaves a second of the 3 s for the response to travel (the gateway's goes over a REST call).</summary>
    public static readonly TimeSpan DeferAfter = TimeSpan.FromSeconds(2);

    /// <summary>How long an interaction token stays valid for follow-ups.</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, ISlashCommand> _commands;
    private readonly Dictionary<string, IAutocompleteCommand> _autocompletes;
    private readonly Dictionary<string, IComponentHandler> _components;
    private readonly IDiscordRestClient _rest;
    private readonly TimeProvider _time;
    private readonly DiscordMetrics _metrics;
    private readonly ILogger<InteractionRouter> _log;
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    public InteractionRouter(IEnumerable<ISlashCommand> commands, IEnumerable<IAutocompleteCommand> autocompletes,
        IEnumerable<IComponentHandler> components, IDiscordRestClient rest, TimeProvider time, DiscordMetrics metrics, ILogger<InteractionRouter> log)
    {
        _commands = commands.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _autocompletes = autocompletes.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _components = components.ToDictionary(c => c.Prefix, StringComparer.Ordinal);
        _rest = rest;
        _time = time;
        _metrics = metrics;
        _log = log;
    }

    public async Task<RoutedInteraction> RouteAsync(Interaction interaction, CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        var routed = await DispatchAsync(interaction, ct).ConfigureAwait(false);
        var (type, command) = Label(interaction);
        _metrics.InteractionHandled(type, command, routed.Pending is not null, _time.GetElapsedTime(started));
        return routed;
    }

    /// <summary>Metric labels from a closed set: a name PaperBot does not know is "unknown", never the name sent.</summary>
    private (string Type, string Command) Label(Interaction interaction)
    {
        var name = interaction.Data?.Name ?? "";
        return interaction.Type switch
        {
            InteractionTypes.Ping => ("ping", ""),
            InteractionTypes.ApplicationCommand => ("command", _commands.ContainsKey(name) ? name : "unknown"),
            InteractionTypes.Autocomplete => ("autocomplete", _autocompletes.ContainsKey(name) ? name : "unknown"),
            InteractionTypes.MessageComponent => ("component", Button(interaction.Data?.CustomId) is ({ } handler, _) ? handler.Prefix : "unknown"),
            _ => ("other", ""),
        };
    }

    private async Task<RoutedInteraction> DispatchAsync(Interaction interaction, CancellationToken ct)
    {
        var context = new CommandContext(interaction);
        var name = interaction.Data?.Name ?? "";
        switch (interaction.Type)
        {
            case InteractionTypes.Ping:
                return new(InteractionResponse.Pong);
            case InteractionTypes.Autocomplete:
                return new(InteractionResponse.Choices(Complete(context, name)));
            case InteractionTypes.ApplicationCommand when _commands.TryGetValue(name, out var command):
                return await WithinDeadlineAsync(context, name, () => command.Execute(context), command.IsPrivate(context), button: false, ct).ConfigureAwait(false);
            case InteractionTypes.MessageComponent when Button(interaction.Data?.CustomId) is ({ } handler, var argument):
                return await WithinDeadlineAsync(context, handler.Prefix, () => handler.Press(context, argument), isPrivate: false, button: true, ct).ConfigureAwait(false);
            default:
                InteractionLog.Unsupported(_log, interaction.Type, name);
                return new(InteractionResponse.Message(CommandAnswer.Error("PaperBot does not know this command or button. Try `/help`.").Data));
        }
    }

    /// <summary>After the first response went out: fills in a deferred answer (a no-op when it was answered at once).</summary>
    public void FollowUp(Interaction interaction, RoutedInteraction routed)
    {
        if (routed.Pending is { } pending) Track(EditOriginalAsync(interaction, pending));
    }

    /// <summary>Keeps background work (gateway answers, follow-ups) visible to <see cref="DrainAsync"/>.</summary>
    public void Track(Task work)
    {
        _inFlight.TryAdd(work, 0);
        work.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits for every tracked answer and follow-up (shutdown, and tests).</summary>
    public async Task DrainAsync()
    {
        while (!_inFlight.IsEmpty) await Task.WhenAll(_inFlight.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private IReadOnlyList<CommandChoice> Complete(CommandContext context, string name)
    {
        if (!_autocompletes.TryGetValue(name, out var command) || context.Focused is not ({ } option, var typed)) return [];
        try
        {
            return [.. command.Complete(context, option, typed).Take(25)];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            InteractionLog.Failed(_log, name, e);
            return [];
        }
    }

    private (IComponentHandler, string)? Button(string? customId)
    {
        var colon = customId?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 && _components.TryGetValue(customId![..colon], out var handler) ? (handler, customId[(colon + 1)..]) : null;
    }

    private async Task<RoutedInteraction> WithinDeadlineAsync(CommandContext context, string name, Func<CommandAnswer> run, bool isPrivate, bool button, CancellationToken ct)
    {
        var work = Task.Run(() => Safely(name, run), CancellationToken.None);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var deadline = Task.Delay(DeferAfter, _time, timer.Token);
        if (await Task.WhenAny(work, deadline).ConfigureAwait(false) == work)
        {
            await timer.CancelAsync().ConfigureAwait(false);
            return new(Respond(await work.ConfigureAwait(false), button));
        }
        InteractionLog.Deferred(_log, name, context.Interaction.Id);
        var defer = button ? new InteractionResponse(InteractionCallbackTypes.DeferredUpdateMessage) : InteractionResponse.Defer(isPrivate);
        return new(defer, work);
    }

    private CommandAnswer Safely(string name, Func<CommandAnswer> run)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            InteractionLog.Failed(_log, name, e);
            return CommandAnswer.Error("Something went wrong on PaperBot's side; the details are in its log. Please try again later.");
        }
    }

    /// <summary>A button's public answer replaces its message; a private one (an error) is a new ephemeral message.</summary>
    private static InteractionResponse Respond(CommandAnswer answer, bool button) =>
        button && !answer.IsPrivate ? InteractionResponse.UpdateMessage(answer.Data) : InteractionResponse.Message(answer.Data);

    private async Task EditOriginalAsync(Interaction interaction, Task<CommandAnswer> pending)
    {
        var answer = await pending.ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(TokenLifetime, _time);
        var result = await _rest.EditOriginalResponseAsync(interaction.Token, answer.Data, timeout.Token).ConfigureAwait(false);
        if (!result.IsSuccess) InteractionLog.FollowUpFailed(_log, interaction.Data?.Name ?? "", interaction.Id, result.Error!.ToString());
    }
}
