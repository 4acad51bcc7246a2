namespace PaperBot.Host.Runtime;

public enum ServiceState { Starting, Ready, Stopping, Failed }

/// <summary>
/// Where the service is in its life: it listens at once and reports <see cref="ServiceState.Starting"/> while the search
/// index catches up and the matcher loads (healthy for the container, not ready for work); /healthz renders it, and
/// work that needs the caught-up services (schedules, admin verbs) waits for <see cref="WhenReady"/>.
/// </summary>
public sealed class ServiceReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ServiceState State { get; private set; } = ServiceState.Starting;

    /// <summary>Why start-up failed, when it did.</summary>
    public string? Error { get; private set; }

    public Task WhenReady(CancellationToken ct) => _ready.Task.WaitAsync(ct);

    internal void MarkReady()
    {
        State = ServiceState.Ready;
        _ready.TrySetResult();
    }

    internal void MarkStopping()
    {
        if (State != ServiceState.Failed) State = ServiceState.Stopping;
        _ready.TrySetException(new OperationCanceledException("the service is stopping"));
    }

    internal void MarkFailed(string error)
    {
        Error = error;
        State = ServiceState.Failed;
        _ready.TrySetException(new InvalidOperationException("the service failed to start: " + error));
    }
}
