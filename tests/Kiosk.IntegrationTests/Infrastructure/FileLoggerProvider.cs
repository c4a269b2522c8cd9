using Microsoft.Extensions.Logging;

namespace Kiosk.IntegrationTests.Infrastructure;

/// <summary>Debugging aid: KIOSK_TEST_LOG=/path appends every in-process kiosk's log there.</summary>
internal sealed class FileLoggerProvider(string path) : ILoggerProvider
{
    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new FileLogger(path, categoryName);

    public void Dispose()
    {
    }

    private sealed class FileLogger(string path, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Gate)
            {
                File.AppendAllText(path, $"{logLevel} {category}: {formatter(state, exception)} {exception}\n");
            }
        }
    }
}
