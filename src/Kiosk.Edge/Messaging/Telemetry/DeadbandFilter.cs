namespace Kiosk.Edge.Messaging.Telemetry;

/// <summary>
/// Report by exception: a key is due when it was never sent, moved more than its deadband since
/// it was last sent, or was last sent at least <c>maxInterval</c> ago. The deadband of a key is
/// the one configured for its longest dotted prefix (<c>power</c> covers <c>power.outlet.watts</c>), else 0.
/// </summary>
internal sealed class DeadbandFilter(IReadOnlyDictionary<string, double> deadbands, TimeSpan maxInterval)
{
    private readonly Dictionary<string, (double Value, DateTimeOffset At)> _sent = new(StringComparer.Ordinal);

    public double DeadbandFor(string key)
    {
        var best = -1;
        var band = 0.0;
        foreach (var (prefix, value) in deadbands)
        {
            var matches = key.Length == prefix.Length
                ? key.Equals(prefix, StringComparison.Ordinal)
                : key.Length > prefix.Length && key[prefix.Length] == '.' && key.StartsWith(prefix, StringComparison.Ordinal);
            if (matches && prefix.Length > best)
            {
                best = prefix.Length;
                band = value;
            }
        }

        return band;
    }

    /// <summary>The measurements due now (not yet recorded as sent: call <see cref="Commit"/> after the publish).</summary>
    public SortedDictionary<string, double> Due(IReadOnlyDictionary<string, double> sample, DateTimeOffset now)
    {
        var due = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in sample)
        {
            if (!double.IsFinite(value))
            {
                continue;
            }

            if (!_sent.TryGetValue(key, out var last)
                || Math.Abs(value - last.Value) > DeadbandFor(key)
                || now - last.At >= maxInterval)
            {
                due[key] = value;
            }
        }

        return due;
    }

    public void Commit(IReadOnlyDictionary<string, double> sent, DateTimeOffset now)
    {
        foreach (var (key, value) in sent)
        {
            _sent[key] = (value, now);
        }
    }
}
