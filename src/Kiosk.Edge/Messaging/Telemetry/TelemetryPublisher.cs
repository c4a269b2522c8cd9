using Kiosk.Edge.Messaging.Connection;
using Kiosk.Edge.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using Kiosk.Contract.Json;
using Kiosk.Contract.Telemetry;

namespace Kiosk.Edge.Messaging.Telemetry;

/// <summary>
/// Every period samples all <see cref="TelemetrySource"/>s and publishes what is due (QoS 0, not
/// retained): <c>{"ts","values":{"power.outlet.watts":12.5,...}}</c>. Nothing is sent when nothing moved.
/// </summary>
internal sealed partial class TelemetryPublisher : BackgroundService
{
    private readonly MqttLink _link;
    private readonly IReadOnlyList<TelemetrySource> _sources;
    private readonly TimeProvider _time;
    private readonly ILogger<TelemetryPublisher> _logger;
    private readonly MqttTelemetryOptions _options;
    private readonly DeadbandFilter _filter;

    public TelemetryPublisher(MqttLink link, IEnumerable<TelemetrySource> sources, IOptions<MqttOptions> options, TimeProvider time, ILogger<TelemetryPublisher> logger)
    {
        _link = link;
        _sources = [.. sources];
        _time = time;
        _logger = logger;
        _options = options.Value.Telemetry;
        _filter = new DeadbandFilter(_options.Deadbands, _options.MaxInterval);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(_options.Period, _time, stoppingToken).ConfigureAwait(false);
            await PublishOnceAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>One sample; returns the number of values sent (0 when offline or nothing was due).</summary>
    internal async Task<int> PublishOnceAsync(CancellationToken cancellationToken)
    {
        if (!_link.IsConnected)
        {
            return 0;
        }

        var sample = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var source in _sources)
        {
            source.Collect(sample);
        }

        var now = _time.GetUtcNow();
        var due = _filter.Due(sample, now);
        if (due.Count == 0)
        {
            return 0;
        }

        var payload = new TelemetryMessage(now, due);
        try
        {
            await _link.PublishAsync(_link.Topics.Telemetry, payload, ContractJsonContext.Default.TelemetryMessage, MqttQualityOfServiceLevel.AtMostOnce, retain: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (MqttFailures.IsTransient(e, cancellationToken))
        {
            LogFailed(e.Message);
            return 0;
        }

        _filter.Commit(due, now);
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT telemetry not published: {Error}")]
    private partial void LogFailed(string error);
}
