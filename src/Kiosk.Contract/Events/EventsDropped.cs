namespace Kiosk.Contract.Events;

/// <summary><c>events.dropped</c>: Extension: the outbox bound dropped unpublished events; <c>seq</c> shows the gap this explains.</summary>
/// <param name="Count">Events dropped since the last report.</param>
/// <param name="Total">Events dropped since the outbox was created.</param>
public sealed record EventsDropped(
    long Count,
    long Total) : KioskEventBody;
