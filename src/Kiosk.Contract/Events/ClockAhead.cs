namespace Kiosk.Contract.Events;

/// <summary><c>clock.ahead</c> (extension): valid passes keep arriving already expired, so the system clock is probably ahead.</summary>
/// <param name="AheadBy">The suspected offset, s.</param>
public sealed record ClockAhead(long AheadBy) : KioskEventBody;
