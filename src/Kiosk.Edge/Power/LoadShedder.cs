using Kiosk.Contract.Events;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Power;

/// <summary>
/// Keeps the whole kiosk under its supply limit: when the fed circuits draw more than
/// <c>KioskLimitWatts</c> for <c>ShedAfter</c>, it sheds the lowest-priority ones until the projected
/// total fits. After <c>ShedCooldown</c> it brings back one shed circuit, highest priority first,
/// when its draw fits under <c>ShedRestoreBelowPercent</c> of the limit.
/// </summary>
internal sealed partial class LoadShedder(PowerOptions options, ILogger logger)
{
    private DateTimeOffset? _overSince;
    private DateTimeOffset _lastAction = DateTimeOffset.MinValue;

    /// <summary>A circuit's share of the kiosk total, W; an unmeasurable circuit that stays on counts at its limit.</summary>
    public static double Draw(Circuit c) => c.Fault is null ? Math.Max(0, c.Watts) : c.Options.LimitWatts;

    /// <summary>One sample of the kiosk total: shed, restore one circuit, or nothing.</summary>
    public void ShedOrRestore(IReadOnlyList<Circuit> circuits, DateTimeOffset now, List<KioskEventBody> events)
    {
        var limit = options.KioskLimitWatts;
        var total = circuits.Where(c => c.Relay.IsOn).Sum(Draw);
        if (total > limit)
        {
            _overSince ??= now;
            if (now - _overSince >= options.ShedAfter)
            {
                Shed(circuits, total, limit, events);
                _lastAction = now;
                _overSince = null;
            }

            return;
        }

        _overSince = null;
        if (now - _lastAction < options.ShedCooldown)
        {
            return;
        }

        // Highest priority first, one circuit per cooldown, so the meters see each return before the next.
        var next = circuits.Where(c => c.Shed).OrderByDescending(c => c.Options.Priority).ThenBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault();
        if (next is not null && total + next.ShedWatts <= limit * options.ShedRestoreBelowPercent / 100)
        {
            next.Shed = false;
            _lastAction = now;
            events.Add(new PowerRestored(next.Id, "headroom"));
        }
    }

    private void Shed(IReadOnlyList<Circuit> circuits, double total, double limit, List<KioskEventBody> events)
    {
        var projected = total;
        foreach (var c in circuits.Where(c => c.Relay.IsOn && !c.Shed).OrderBy(c => c.Options.Priority).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            var draw = Draw(c);
            if (projected <= limit)
            {
                break;
            }

            if (draw <= 0)
            {
                continue;
            }

            c.Shed = true;
            c.ShedWatts = draw;
            projected -= draw;
            LogShed(c.Id, draw, total, limit);
            events.Add(new PowerShed(c.Id, Math.Round(draw, 1), Math.Round(total, 1), limit, "kiosk_limit"));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit {Circuit} shed: it drew {Watts:0} W with the kiosk at {Total:0} W of {Limit:0} W")]
    private partial void LogShed(string circuit, double watts, double total, double limit);
}
