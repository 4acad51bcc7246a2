namespace PaperBot.Discord.Rest;

/// <summary>What a REST call came to: the value, or a typed <see cref="DiscordError"/>. Expected failures are values.</summary>
public sealed class DiscordResult<T>
{
    private readonly T? _value;

    private DiscordResult(T? value, DiscordError? error)
    {
        _value = value;
        Error = error;
    }

    public DiscordError? Error { get; }

    public bool IsSuccess => Error is null;

    /// <exception cref="InvalidOperationException">The call failed; read <see cref="Error"/> first.</exception>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("The Discord call failed: " + Error);

    public static DiscordResult<T> Success(T value) => new(value, null);

    public static DiscordResult<T> Failure(DiscordError error) => new(default, error);

    public static implicit operator DiscordResult<T>(DiscordError error) => Failure(error);

    public override string ToString() => IsSuccess ? $"ok: {_value}" : Error!.ToString();
}

/// <summary>A call with no body in its answer (204).</summary>
public readonly record struct NoContent;

/// <summary>Why a Discord call failed, by what the caller should do about it.</summary>
public abstract record DiscordError(int Status, int Code, string Message)
{
    /// <summary>True when trying again later may work (rate limits not waited out, 5xx, timeouts, connection lost).</summary>
    public virtual bool IsTransient => false;

    /// <summary>Try again later, not before <paramref name="RetryAfter"/> when known: 5xx/502, a timeout, a lost
    /// connection, or a rate limit the caller could not wait out (its cancellation came first).</summary>
    public sealed record Transient(int Status, string Message, TimeSpan? RetryAfter = null) : DiscordError(Status, 0, Message)
    {
        public override bool IsTransient => true;
    }

    /// <summary>50007: the user accepts no DMs from the bot (or shares no server with it).</summary>
    public sealed record CannotMessageUser(int Status, string Message) : DiscordError(Status, 50007, Message);

    /// <summary>10003 (unknown channel), or 404 for a webhook/interaction token (10015, 10062, 10008).</summary>
    public sealed record NotFound(int Status, int Code, string Message) : DiscordError(Status, Code, Message);

    /// <summary>50001 missing access, 50013 missing permissions (or any other 403).</summary>
    public sealed record NoAccess(int Status, int Code, string Message) : DiscordError(Status, Code, Message);

    /// <summary>50035: the body broke a rule; <paramref name="FieldErrors"/> maps a path (<c>embeds.0.title</c>) to its
    /// messages. A bug on our side: logged, never retried.</summary>
    public sealed record InvalidFormBody(int Status, string Message, IReadOnlyDictionary<string, string> FieldErrors) : DiscordError(Status, 50035, Message);

    /// <summary>401 / 50014: the bot token is wrong or was reset.</summary>
    public sealed record Unauthorized(int Status, int Code, string Message) : DiscordError(Status, Code, Message);

    /// <summary>The target answered 403/404 too often lately: no request was made, so the invalid-request budget
    /// stays far away. <paramref name="Last"/> is the error it kept giving.</summary>
    public sealed record TargetSuspended(DiscordError Last) : DiscordError(Last.Status, Last.Code, "not retried: " + Last.Message);

    /// <summary>Anything else (another 4xx code).</summary>
    public sealed record Other(int Status, int Code, string Message) : DiscordError(Status, Code, Message);

    public override string ToString() => Code == 0 ? $"HTTP {Status}: {Message}" : $"HTTP {Status}, code {Code}: {Message}";
}
