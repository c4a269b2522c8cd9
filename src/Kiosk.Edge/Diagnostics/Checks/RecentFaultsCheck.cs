using Kiosk.Edge.Events;
using Microsoft.Extensions.Options;
using Kiosk.Contract.Events;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>
/// <c>faults</c>: fault events recorded recently (forced doors, power trips, lockouts, sensor faults,
/// dropped events), counted by type and door/circuit.
/// </summary>
internal sealed class RecentFaultsCheck(EventJournal journal, IOptions<DiagnosticsOptions> options, TimeProvider time) : DiagnosticCheck
{
    /// <summary>How far back the journal is read at most (the window normally ends it sooner).</summary>
    private const int MaxScanned = 20_000;

    private const int Page = 1_000;

    private static readonly HashSet<string> FaultTypes = new(StringComparer.Ordinal)
    {
        EventTypes.PowerSensorFault, EventTypes.PowerTrip, EventTypes.PowerLockout, EventTypes.EventsDropped, EventTypes.DoorForcedOpen,
    };

    public override string Name => "faults";

    public override string Category => "system";

    public static bool IsFault(string type) => FaultTypes.Contains(type);

    public override ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var window = options.Value.RecentFaultsWindow;
        var since = time.GetUtcNow() - window;
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var after = Math.Max(0, journal.LastSeq - MaxScanned);
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = journal.ReadAfter(after, Page);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var e in page.Where(e => e.Ts >= since && IsFault(e.Type)))
            {
                var where = e.Body switch
                {
                    DoorForcedOpen f => f.Door,
                    DoorHeldOpen h => h.Door,
                    PowerTrip t => t.Circuit,
                    PowerLockout l => l.Circuit,
                    PowerSensorFault s => s.Circuit,
                    _ => null,
                };
                var key = where is null ? e.Type : $"{e.Type} ({where})";
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }

            after = page[^1].Seq;
        }

        var hours = window.TotalHours >= 1 ? $"{window.TotalHours:0.#} h" : $"{window.TotalMinutes:0} min";
        if (counts.Count == 0)
        {
            return ValueTask.FromResult(CheckResult.Pass($"no fault events in the last {hours}"));
        }

        return ValueTask.FromResult(CheckResult.Warn(
            $"in the last {hours}: {string.Join(", ", counts.Select(c => $"{c.Key} x{c.Value}"))}",
            "`kioskctl events` shows them with times: a forced door needs a look at the lock and contact; repeated trips or sensor faults point at an appliance or a meter"));
    }
}
