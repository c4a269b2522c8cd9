namespace Kiosk.Contract.Events;

/// <summary>
/// The envelope every event carries (contract section 3): a UUIDv7 <paramref name="Id"/> to de-duplicate
/// by (delivery is at least once), <paramref name="Seq"/> growing by one per event per kiosk across restarts
/// (a gap means dropped events, explained by <c>events.dropped</c>), <paramref name="Ts"/> (RFC 3339 UTC)
/// and the event <paramref name="Type"/>.
/// </summary>
/// <param name="Id">Event id: 32 lower-case hex digits (a UUIDv7 without dashes).</param>
/// <param name="Seq">Per-kiosk sequence number, from 1.</param>
/// <param name="Ts">When the kiosk recorded the event.</param>
/// <param name="Type">The event type name (<see cref="EventTypes"/>).</param>
public sealed record EventEnvelope(string Id, long Seq, DateTimeOffset Ts, string Type)
{
    /// <summary>
    /// The installation epoch (32 hex digits), made when the kiosk's state directory was created: a new one means a
    /// rebuilt kiosk whose boot and seq start again at 1 (extension; absent from kiosks before it). Not positional,
    /// so deconstructing the four envelope fields keeps working.
    /// </summary>
    public string? Epoch { get; init; }
}
