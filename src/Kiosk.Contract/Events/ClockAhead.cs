namespace Kiosk.Contract.Events;

/// <summary>
/// <c>clock.ahead</c>: Extension (issue 11): several different validly signed passes were refused as
/// expired with their <c>iat</c> the same distance behind the trusted time, so the system clock seems to
/// run ahead. Report only: the kiosk never moves its trusted time backwards. Raised once when it starts.
/// </summary>
/// <param name="AheadBy">Seconds the clock seems ahead (a lower estimate).</param>
public sealed record ClockAhead(
    long AheadBy) : KioskEventBody;
