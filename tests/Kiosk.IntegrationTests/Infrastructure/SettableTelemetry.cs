using System.Collections.Concurrent;
using Kiosk.Edge.State;

namespace Kiosk.IntegrationTests.Infrastructure;

/// <summary>A telemetry source whose values the test sets.</summary>
internal sealed class SettableTelemetry : TelemetrySource
{
    public ConcurrentDictionary<string, double> Values { get; } = new(StringComparer.Ordinal);

    public override void Collect(IDictionary<string, double> measurements)
    {
        foreach (var (key, value) in Values)
        {
            measurements[key] = value;
        }
    }
}
