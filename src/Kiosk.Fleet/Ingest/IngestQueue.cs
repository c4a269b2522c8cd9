using System.Threading.Channels;
using Kiosk.Fleet.Mqtt;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Ingest;

/// <summary>
/// Between MQTTnet's receive path and the ingest loop. Room for twice the broker's receive maximum:
/// QoS 1 messages (bounded by the broker) always fit; QoS 0 telemetry takes only the first half.
/// </summary>
internal sealed class IngestQueue(IOptions<FleetMqttOptions> options)
{
    private readonly Channel<IngestMessage> _channel = Channel.CreateBounded<IngestMessage>(
        new BoundedChannelOptions(options.Value.IngestQueue * 2) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<IngestMessage> Reader => _channel.Reader;

    public int Count => _channel.Reader.Count;

    public ValueTask WriteAsync(IngestMessage message, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(message, cancellationToken);

    public bool TryWrite(IngestMessage message) => _channel.Writer.TryWrite(message);
}
