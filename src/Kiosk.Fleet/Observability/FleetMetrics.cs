using System.Diagnostics.Metrics;
using Prometheus;

namespace Kiosk.Fleet.Observability;

/// <summary>
/// The service's instruments (System.Diagnostics.Metrics, meter <c>Kiosk.Fleet</c>); prometheus-net
/// exports them at <c>/metrics</c>: ingest rate and lag, kiosks online, command latency.
/// The time histograms use <see cref="TimeBuckets"/> (see <see cref="ConfigureExport"/>), fine enough
/// for the p99 that deploy/scale/scale.py reads from them.
/// </summary>
internal sealed class FleetMetrics : IDisposable
{
    public const string MeterName = "Kiosk.Fleet";

    private readonly Meter _meter;
    private readonly Counter<long> _ingested;
    private readonly Histogram<double> _lag;
    private readonly Histogram<double> _eventLag;
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
        _eventLag = _meter.CreateHistogram<double>("ingest_event_lag", unit: "s", description: "Time from an event's ts (the kiosk's clock) to its row committed");
        _commands = _meter.CreateHistogram<double>("command_duration", unit: "s", description: "Command round trip, from publish to reply or timeout");
        _telemetryDropped = _meter.CreateCounter<long>("telemetry_dropped", description: "QoS 0 telemetry dropped because ingest fell behind");
        _meter.CreateObservableGauge("kiosks_online", () => Volatile.Read(ref _online), description: "Kiosks whose last status is online");
        _meter.CreateObservableGauge("mqtt_connected", () => Volatile.Read(ref _connected), description: "1 while this instance holds a broker session");
    }

    /// <summary>
    /// Bucket upper bounds in seconds for this meter's histograms: 1 ms × 1.25ⁿ up to about 15 min, so a
    /// quantile read from them is within 25 % (prometheus-net's default doubles from 10 ms).
    /// </summary>
    public static IReadOnlyList<double> TimeBuckets { get; } = Prometheus.Histogram.ExponentialBuckets(0.001, 1.25, 62);

    private static int _exportConfigured;

    /// <summary>
    /// Once per process: prometheus-net exports the .NET meters from now on, with <see cref="TimeBuckets"/>
    /// for this meter's histograms. Its default adapter only starts at the first scrape of /metrics and so
    /// missed every counter and histogram measurement made before it; it is replaced by one started here.
    /// </summary>
    public static void ConfigureExport()
    {
        if (Interlocked.Exchange(ref _exportConfigured, 1) == 0)
        {
            var buckets = TimeBuckets.ToArray();
            Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressMeters = true });
            _ = MeterAdapter.StartListening(new MeterAdapterOptions
            {
                ResolveHistogramBuckets = i => i.Meter.Name == MeterName ? buckets : MeterAdapterOptions.DefaultHistogramBuckets,
                // The series are few (outcome, command, status): kept as long as prometheus-net allows, so a quiet hour never resets a count.
                MetricsExpireAfter = TimeSpan.FromDays(1),
            });
        }
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

    /// <summary>Event <c>ts</c> to commit, in seconds; negative when the kiosk's clock runs ahead (recorded as is).</summary>
    public void EventLag(double seconds) => _eventLag.Record(seconds);

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
