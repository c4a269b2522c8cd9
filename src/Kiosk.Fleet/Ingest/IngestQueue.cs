using System.Threading.Channels;
using Kiosk.Fleet.Mqtt;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Ingest;

/// <summary>Which lane of the <see cref="IngestQueue"/> a message waits in.</summary>
internal enum IngestLane
{
    /// <summary>Events and telemetry: what a kiosk reports as it happens.</summary>
    Live,

    /// <summary>Status and state: latest-value messages, replayed in full from the retained store at every subscribe.</summary>
    State,
}

/// <summary>
/// Between MQTTnet's receive path and the ingest loop, in two lanes. A batch takes the live lane first;
/// the state lane fills the rest, and is kept a quarter of the batch when both wait so that a busy event
/// stream cannot starve it. So an event that arrives while a (re)connect replays every retained status
/// and state (two per kiosk) waits for the batch being committed, not behind the replay.
/// Room in each lane for twice the broker's receive maximum: QoS 1 messages (bounded by the broker,
/// per session) always fit; QoS 0 telemetry takes only the first half of the live lane.
/// </summary>
internal sealed class IngestQueue(IOptions<FleetMqttOptions> options)
{
    private readonly Channel<IngestMessage> _live = Create(options.Value.IngestQueue * 2);
    private readonly Channel<IngestMessage> _state = Create(options.Value.IngestQueue * 2);

    /// <summary>Messages waiting in the live lane (the telemetry drop check reads it).</summary>
    public int LiveCount => _live.Reader.Count;

    public int StateCount => _state.Reader.Count;

    public ValueTask WriteAsync(IngestLane lane, IngestMessage message, CancellationToken cancellationToken) =>
        Lane(lane).Writer.WriteAsync(message, cancellationToken);

    public bool TryWrite(IngestLane lane, IngestMessage message) => Lane(lane).Writer.TryWrite(message);

    /// <summary>Returns when either lane holds a message; throws <see cref="OperationCanceledException"/> on cancellation.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (_live.Reader.Count > 0 || _state.Reader.Count > 0)
        {
            return;
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var live = _live.Reader.WaitToReadAsync(either.Token).AsTask();
        var state = _state.Reader.WaitToReadAsync(either.Token).AsTask();
        await Task.WhenAny(live, state).ConfigureAwait(false);

        // The other wait is only abandoned: cancelling it unregisters it from its channel.
        await either.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Moves up to <paramref name="max"/> messages into <paramref name="batch"/>: live first, leaving
    /// <c>max / 4</c> to the state lane when it has messages (none for batches under 4), then whatever
    /// room is left to either.
    /// </summary>
    public void Take(List<IngestMessage> batch, int max)
    {
        var stateShare = Math.Min(_state.Reader.Count, max / 4);
        Fill(_live, batch, max - stateShare);
        Fill(_state, batch, max);
        Fill(_live, batch, max);
    }

    private static void Fill(Channel<IngestMessage> lane, List<IngestMessage> batch, int upTo)
    {
        while (batch.Count < upTo && lane.Reader.TryRead(out var message))
        {
            batch.Add(message);
        }
    }

    private Channel<IngestMessage> Lane(IngestLane lane) => lane == IngestLane.Live ? _live : _state;

    private static Channel<IngestMessage> Create(int capacity) =>
        Channel.CreateBounded<IngestMessage>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
}
