using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Configuration;

/// <summary>
/// Logs, once at start, the GC settings the runtime actually applied (<see cref="GC.GetConfigurationVariables"/>):
/// workstation or server, concurrent or not, the heap hard limit in bytes and the conserve-memory level.
/// They come from Kiosk.Edge.csproj (RuntimeHostConfigurationOption: runtimeconfig.json for the JIT build,
/// compiled into the Native AOT binary). Why a log line: a setting that does not reach the runtime fails
/// silently (Native AOT ignored the unit's <c>DOTNET_GCHeapHardLimit=0x8000000</c>, whose <c>0x</c> prefix
/// it does not parse), and the end-to-end tests read this line from the published binary.
/// </summary>
internal sealed partial class GcSettingsLog(ILogger<GcSettingsLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = GC.GetConfigurationVariables();
        LogGcSettings(
            Read(settings, "ServerGC"),
            Read(settings, "ConcurrentGC"),
            Read(settings, "GCHeapHardLimit"),
            Read(settings, "GCConserveMem"));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Read(IReadOnlyDictionary<string, object> settings, string key) =>
        settings.TryGetValue(key, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "unknown";

    [LoggerMessage(Level = LogLevel.Information, Message = "GC: server {Server}, concurrent {Concurrent}, heap hard limit {HardLimit} bytes, conserve memory {Conserve}")]
    private partial void LogGcSettings(string server, string concurrent, string hardLimit, string conserve);
}
