using System.Diagnostics.Metrics;

namespace Kiosk.Fleet.Observability;

/// <summary>
/// The service's instruments (System.Diagnostics.Metrics, meter <c>Kiosk.Fleet</c>); prometheus-net
/// exports them at <c>/metrics</c>: ingest rate and lag, kiosks online, command latency.
/// </summary>
internal sealed class FleetMetrics : IDisposable
{
    public const string MeterName = "Kiosk.Fleet";

    private readonly Meter _meter;
    private readonly Counter<long> _ingested;
    private readonly Histogram<double> _lag;
    private readonly Histogram<double> _commands;
    private readonly Counter<long> _telemetryDropped;
    private int _online;
    private int _connected;
    private long _stored;

    public FleetMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _ingested = _meter.CreateCounter<long>("ingest_messages", description: "Kiosk messages taken from the broker, by outcome (stored, duplicate, rejected)");
        _lag = _meter.CreateHistogram<double>("ingest_lag", unit: "s", description: "Time from receipt to acknowledgement after the commit");
        _commands = _meter.CreateHistogram<double>("command_duration", unit: "s", description: "Command round trip, from publish to reply or timeout");
        _telemetryDropped = _meter.CreateCounter<long>("telemetry_dropped", description: "QoS 0 telemetry dropped because ingest fell behind");
        _meter.CreateObservableGauge("kiosks_online", () => Volatile.Read(ref _online), description: "Kiosks whose last status is online");
        _meter.CreateObservableGauge("mqtt_connected", () => Volatile.Read(ref _connected), description: "1 while this instance holds a broker session");
    }

    public bool Connected => Volatile.Read(ref _connected) == 1;

    /// <summary>Messages this instance stored since it started.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    public void Ingested(int stored, int duplicates, int rejected)
    {
        Interlocked.Add(ref _stored, stored);
        Add("stored", stored);
        Add("duplicate", duplicates);
        Add("rejected", rejected);
    }

    public void Lag(double seconds) => _lag.Record(seconds);

    public void Command(string name, string status, double seconds) =>
        _commands.Record(seconds, new KeyValuePair<string, object?>("command", name), new KeyValuePair<string, object?>("status", status));

    public void TelemetryDropped() => _telemetryDropped.Add(1);

    public void SetKiosksOnline(int count) => Volatile.Write(ref _online, count);

    public void SetConnected(bool connected) => Volatile.Write(ref _connected, connected ? 1 : 0);

    public void Dispose() => _meter.Dispose();

    private void Add(string outcome, int count)
    {
        if (count > 0)
        {
            _ingested.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
