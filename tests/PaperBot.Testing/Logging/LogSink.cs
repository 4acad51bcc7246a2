using Microsoft.Extensions.Logging;

namespace PaperBot.Testing.Logging;

/// <summary>Keeps every formatted log line, to check what reaches the log (and that no token does).</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly Lock _lock = new();

    private readonly List<string> _lines = [];

    public string All
    {
        get { lock (_lock) return string.Join("\n", _lines); }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private void Add(string line)
    {
        lock (_lock) _lines.Add(line);
    }

    private sealed class Logger(LogSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Add($"{logLevel}: {formatter(state, exception)}");
    }
}
