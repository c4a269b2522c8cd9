using System.Globalization;
using Kiosk.Edge.Events;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary><c>uptime</c>: how long the service and the system have been up, and the service's start count.</summary>
internal sealed class UptimeCheck(ServiceStart start, EventJournal journal, IOptions<DiagnosticsOptions> options, TimeProvider time) : DiagnosticCheck
{
    public override string Name => "uptime";

    public override string Category => "system";

    public override async ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var service = time.GetElapsedTime(start.Timestamp);
        var detail = $"service up {DoorInputsCheck.Format(service)} (start {journal.Boot} on this state directory)";
        var path = options.Value.UptimePath;
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CheckResult.Warn($"{detail}; system uptime unknown ({e.Message})", $"{path} is unreadable: is /proc mounted for the service?");
        }

        var first = text.Split(' ', 2, StringSplitOptions.TrimEntries)[0];
        if (!double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
        {
            return CheckResult.Warn($"{detail}; system uptime unknown ({path} says '{first}')", $"{path} is not in the kernel's format");
        }

        var system = TimeSpan.FromSeconds(seconds);
        return CheckResult.Pass($"{detail}; system up {(system.TotalDays >= 1 ? $"{(int)system.TotalDays} d " : "")}{DoorInputsCheck.Format(TimeSpan.FromSeconds(seconds % 86400))}");
    }
}
