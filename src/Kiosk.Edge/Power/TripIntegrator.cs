using Kiosk.Contract.Events;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Power;

/// <summary>
/// Overload protection of one circuit on the inverse-time curve (like a thermal breaker): while the
/// draw is over the limit, each sample adds <c>dt / tripTime(ratio)</c>; at 1 the circuit trips.
/// <c>LockoutTrips</c> trips within <c>LockoutWindow</c> lock it out until an operator's reset;
/// otherwise it comes back after <c>Cooldown</c>.
/// </summary>
internal sealed partial class TripIntegrator(PowerOptions options, ILogger logger)
{
    /// <summary>Accumulated trip progress counts as complete this close to 1 (floating-point sums of dt/t).</summary>
    private const double TripEpsilon = 1e-9;

    private readonly TripCurve _curve = new(options.TripCurve);

    /// <summary>Integrates one sample; true when the circuit was just locked out (persist at once).</summary>
    /// <param name="watts">The plausible reading, W.</param>
    public bool Integrate(Circuit c, bool on, double watts, DateTimeOffset now, TimeSpan dt, List<KioskEventBody> events)
    {
        var ratio = watts / c.Options.LimitWatts;
        if (!on || c.Tripped || ratio <= 1)
        {
            c.TripProgress = 0;
            return false;
        }

        // Between the limit and the curve's first point the progress holds: neither trips nor forgets.
        if (_curve.TripTime(ratio) is not { } tripTime)
        {
            return false;
        }

        c.TripProgress += tripTime <= TimeSpan.Zero ? 1 : dt / tripTime;
        if (c.TripProgress < 1 - TripEpsilon)
        {
            return false;
        }

        c.Tripped = true;
        c.TrippedAt = now;
        c.TripProgress = 0;
        c.RecentTrips.Enqueue(now);
        // Never empties: this trip stays, as LockoutWindow is at least 1 s (PowerOptions).
        while (now - c.RecentTrips.Peek() >= options.LockoutWindow)
        {
            c.RecentTrips.Dequeue();
        }

        LogTrip(c.Id, watts, c.Options.LimitWatts);
        events.Add(new PowerTrip(c.Id, Math.Round(watts, 1), c.Options.LimitWatts, "overload"));
        if (c.RecentTrips.Count < options.LockoutTrips)
        {
            return false;
        }

        c.LockedOut = true;
        LogLockout(c.Id, c.RecentTrips.Count);
        events.Add(new PowerLockout(c.Id, c.RecentTrips.Count, options.LockoutWindow.TotalSeconds));
        return true;
    }

    /// <summary>Brings tripped circuits that are not locked out back once their cooldown has passed.</summary>
    public void RestoreAfterCooldown(IEnumerable<Circuit> circuits, DateTimeOffset now, List<KioskEventBody> events)
    {
        foreach (var c in circuits)
        {
            if (c.Tripped && !c.LockedOut && now - c.TrippedAt >= options.Cooldown)
            {
                c.Tripped = false;
                events.Add(new PowerRestored(c.Id, "cooldown"));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit {Circuit} tripped: {Watts:0} W over its {Limit:0} W limit")]
    private partial void LogTrip(string circuit, double watts, double limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit {Circuit} locked out after {Trips} trips; an operator must reset it")]
    private partial void LogLockout(string circuit, int trips);
}
