using Kiosk.Contract.Json;
using Kiosk.Contract.State;
using Kiosk.Edge.State;

namespace Kiosk.Edge.Power;

/// <summary>
/// The <c>circuits</c> state section: published on any discrete change (relay, trip, lockout, shed,
/// fault, operator decision) and one sample after it (the meters settle a sample later), else at most
/// every <see cref="Refresh"/>; telemetry carries the measurements in between.
/// </summary>
internal sealed class CircuitStatePublisher(StateBoard state)
{
    /// <summary>Measurements alone refresh the state section at most this often.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    private DateTimeOffset _lastPublish = DateTimeOffset.MinValue;
    private string? _publishedShape;
    private bool _refreshNext;

    /// <summary>One circuit as the state section and command results show it.</summary>
    public static CircuitState Describe(Circuit c) => new(
        c.Relay.IsOn,
        Math.Round(c.Watts),
        Math.Round(c.WattHours, 1),
        c.Options.LimitWatts,
        c.Tripped,
        c.LockedOut,
        c.Shed,
        c.Fault?.ToContract(),
        c.Manual switch { true => "on", false => "off", null => null });

    /// <summary>Telemetry: power.{circuit}.watts (W, 0.1), power.{circuit}.wh (Wh, 0.01) and power.total.watts.</summary>
    public static void Measure(IEnumerable<Circuit> circuits, IDictionary<string, double> measurements)
    {
        var total = 0.0;
        foreach (var c in circuits)
        {
            measurements[$"power.{c.Id}.watts"] = Math.Round(c.Watts, 1);
            measurements[$"power.{c.Id}.wh"] = Math.Round(c.WattHours, 2);
            total += c.Watts;
        }

        measurements["power.total.watts"] = Math.Round(total, 1);
    }

    /// <summary>The section when it is due (always with <paramref name="force"/>), else null. Call under the guard's lock.</summary>
    public Dictionary<string, CircuitState>? Build(IEnumerable<Circuit> circuits, DateTimeOffset now, bool force)
    {
        var section = new Dictionary<string, CircuitState>(StringComparer.Ordinal);
        foreach (var c in circuits)
        {
            section[c.Id] = Describe(c);
        }

        var shape = string.Join('|', section.Values.Select(c => $"{c.On}{c.Tripped}{c.LockedOut}{c.Shed}{c.Fault}{c.Manual}"));
        var changed = force || shape != _publishedShape;
        if (!changed && !_refreshNext && now - _lastPublish < Refresh)
        {
            return null;
        }

        _refreshNext = changed;
        _publishedShape = shape;
        _lastPublish = now;
        return section;
    }

    /// <summary>Puts a built section on the state board; nothing for null. Call outside the guard's lock.</summary>
    public void Publish(Dictionary<string, CircuitState>? section)
    {
        if (section is not null)
        {
            state.Set(StateSections.Circuits, section, ContractJsonContext.Default.DictionaryStringCircuitState);
        }
    }
}
