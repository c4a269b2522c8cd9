using Kiosk.Edge.Doors;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>
/// <c>inputs</c>: each door's contact and lock, and whether the contact is plausible: open longer
/// than the held-open time while the lock is locked and no alarm was raised is suspicious; a contact
/// that never changed while many openings were granted looks stuck.
/// </summary>
internal sealed class DoorInputsCheck(DoorRegistry doors, DoorActivityMonitor activity, IOptions<DoorsOptions> doorOptions, IOptions<DiagnosticsOptions> options, TimeProvider time) : DiagnosticCheck
{
    public override string Name => "inputs";

    public override string Category => "hardware";

    public override ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var findings = new List<CheckResult>();
        var states = new List<string>();
        foreach (var door in doors.All)
        {
            var contact = door.IsOpen ? "open" : "closed";
            var lockState = door.IsLocked ? "locked" : "unlocked";
            states.Add($"{door.Id}: contact {contact}, lock {lockState}, mode {door.Mode.ToWire()}");
            var seen = activity.Get(door.Id);
            var heldOpen = doorOptions.Value.Cabins.TryGetValue(door.Id, out var o) ? o.HeldOpenAlarm : TimeSpan.FromSeconds(60);
            if (door.IsOpen && door.IsLocked && door.Alarm == DoorAlarm.None && door.Mode != DoorMode.HoldOpen
                && seen.OpenSince is { } since && now - since > heldOpen)
            {
                findings.Add(CheckResult.Warn(
                    $"{door.Id}: contact open for {Format(now - since)} while the lock is locked and no alarm was raised",
                    $"suspicious door contact on {door.Id}: look at the door; if it is shut, check the reed switch, its magnet and wiring"));
            }

            if (seen.OpeningsSinceChange >= options.Value.StuckContactOpenings)
            {
                findings.Add(CheckResult.Warn(
                    $"{door.Id}: contact stayed {contact} while {seen.OpeningsSinceChange} openings were granted",
                    $"the door contact of {door.Id} looks stuck: check the reed switch and magnet; in maintenance mode `kioskctl diag --actuate lock --door {door.Id}` and open the door by hand to watch it change"));
            }

            if (door.Alarm != DoorAlarm.None)
            {
                findings.Add(CheckResult.Warn(
                    $"{door.Id}: alarm {(door.Alarm == DoorAlarm.ForcedOpen ? "forced_open" : "held_open")}",
                    $"check {door.Id} on site: the alarm clears when the door closes"));
            }
        }

        return ValueTask.FromResult(CheckResult.Worst(findings, string.Join("; ", states)));
    }

    internal static string Format(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours} h {t.Minutes:00} min"
        : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes} min {t.Seconds:00} s"
        : $"{t.TotalSeconds:0} s";
}
