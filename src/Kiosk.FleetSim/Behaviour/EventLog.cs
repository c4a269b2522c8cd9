using Kiosk.Contract.Events;

namespace Kiosk.FleetSim.Behaviour;

/// <summary>
/// A simulated kiosk's durable outbox: each appended event gets the next <c>seq</c>, a UUIDv7 id drawn from the
/// kiosk's seeded random, and its wire bytes (<see cref="KioskEventWriter"/>). Pending events wait for the broker's
/// acknowledgement; past <see cref="BehaviourOptions.MaxPendingEvents"/> the oldest are dropped and an
/// <c>events.dropped</c> event reports how many, as the kiosk does.
/// </summary>
internal sealed class EventLog(Random random, string epoch, int maxPending)
{
    private readonly LinkedList<PendingEvent> _pending = new();
    private long _droppedUnreported;

    /// <summary>The last seq given out.</summary>
    public long LastSeq { get; private set; }

    /// <summary>Events dropped by the bound, in total.</summary>
    public long DroppedTotal { get; private set; }

    /// <summary>Every event as appended, in order (the determinism tests read it); null unless recording.</summary>
    public List<PendingEvent>? Recorded { get; set; }

    public int PendingCount => _pending.Count;

    public void Append(KioskEventBody body, DateTimeOffset ts)
    {
        if (_droppedUnreported > 0 && _pending.Count < maxPending)
        {
            var count = _droppedUnreported;
            _droppedUnreported = 0;
            Write(new EventsDropped(count, DroppedTotal), ts);
        }

        if (_pending.Count >= maxPending)
        {
            _pending.RemoveFirst();
            _droppedUnreported++;
            DroppedTotal++;
        }

        Write(body, ts);
    }

    /// <summary>The oldest pending event, or null.</summary>
    public PendingEvent? Peek() => _pending.First?.Value;

    /// <summary>The broker acknowledged <paramref name="e"/>: it leaves the outbox.</summary>
    public void Acknowledge(PendingEvent e)
    {
        if (_pending.First is { } first && ReferenceEquals(first.Value, e))
        {
            _pending.RemoveFirst();
        }
    }

    private void Write(KioskEventBody body, DateTimeOffset ts)
    {
        var envelope = new EventEnvelope(NewId(ts), ++LastSeq, ts, body.Type) { Epoch = epoch };
        var e = new PendingEvent(envelope.Seq, body.Type, KioskEventWriter.Serialize(envelope, body));
        _pending.AddLast(e);
        Recorded?.Add(e);
    }

    /// <summary>A UUIDv7 (RFC 9562 §5.7) as 32 hex digits: 48-bit Unix ms, version 7, 74 random bits (seeded).</summary>
    private string NewId(DateTimeOffset ts)
    {
        Span<byte> b = stackalloc byte[16];
        random.NextBytes(b);
        var ms = ts.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            b[i] = (byte)(ms >> (8 * (5 - i)));
        }

        b[6] = (byte)(0x70 | (b[6] & 0x0F));
        b[8] = (byte)(0x80 | (b[8] & 0x3F));
        return Convert.ToHexStringLower(b);
    }
}
