using Kiosk.Contract.Telemetry;

namespace Kiosk.FleetSim.Behaviour;

/// <summary>
/// Report by exception, like the kiosk's telemetry: every period, the keys whose value moved past their deadband
/// since last sent (W: 5, Wh: 10, counts: any change), and every key again once per <c>fullEvery</c>.
/// </summary>
internal sealed class TelemetrySampler(TimeSpan period, TimeSpan fullEvery)
{
    private readonly Dictionary<string, double> _sent = new(StringComparer.Ordinal);
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private DateTimeOffset _nextFull = DateTimeOffset.MinValue;

    /// <summary>The message to send at <paramref name="now"/>, or null (not due, or nothing moved).</summary>
    public TelemetryMessage? Sample(DateTimeOffset now, IReadOnlyList<KeyValuePair<string, double>> values)
    {
        if (now < _next)
        {
            return null;
        }

        _next = now + period;
        var full = now >= _nextFull;
        if (full)
        {
            _nextFull = now + fullEvery;
        }

        var moved = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (full || !_sent.TryGetValue(key, out var last) || Math.Abs(value - last) >= Deadband(key))
            {
                moved[key] = value;
                _sent[key] = value;
            }
        }

        return moved.Count == 0 ? null : new TelemetryMessage(now, moved);
    }

    private static double Deadband(string key) =>
        key.EndsWith(".watts", StringComparison.Ordinal) ? 5 : key.EndsWith(".wh", StringComparison.Ordinal) ? 10 : 0.5;
}
