using Kiosk.Edge.Doors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Health;

/// <summary>
/// Beats the <c>doors</c> loop while the door state machines still answer. The doors have no loop
/// of their own (input edges and TimeProvider timers drive them), so this probe stands in for one:
/// every half of <c>Health:Loops:doors</c> it takes each door's state lock (by reading its mode,
/// contact and alarm) from a timer on the same thread pool that fires the doors' relock and
/// held-open timers. A door stuck inside a transition, or a pool too starved to run timers, stops
/// the beats, the watchdog is withheld and systemd restarts the service into its safe state.
/// </summary>
internal sealed class DoorLoopHeartbeat(DoorRegistry doors, HealthMonitor health, IOptions<HealthOptions> options, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    internal TimeSpan Interval { get; } = options.Value.Loops.TryGetValue(HealthMonitor.DoorLoop, out var deadline) ? deadline / 2 : DefaultInterval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            Probe();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One step: every door answers (this blocks while a door holds its lock), then one beat.</summary>
    internal void Probe()
    {
        foreach (var door in doors.All)
        {
            _ = door.Mode;
            _ = door.IsOpen;
            _ = door.Alarm;
        }

        health.Beat(HealthMonitor.DoorLoop);
    }
}
