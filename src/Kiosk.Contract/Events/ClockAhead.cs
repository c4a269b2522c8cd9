namespace Kiosk.Contract.Events;

/// <summary>
/// <c>clock.ahead</c>: several validly signed passes were refused as expired with their <c>iat</c> the same
/// distance behind, so the system clock seems to run ahead.
/// </summary>
/// <param name="AheadBy">Seconds the clock seems ahead (a lower estimate).</param>
public sealed record ClockAhead(
    long AheadBy) : KioskEventBody;
