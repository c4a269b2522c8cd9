namespace Kiosk.Contract.Events;

/// <summary><c>clock.behind</c> (extension): the system clock is behind trusted time (after a power cut without an RTC, say).</summary>
/// <param name="BehindBy">How far behind, s.</param>
/// <param name="TrustedTime">The trusted time the kiosk uses instead.</param>
/// <param name="Source">Where trusted time came from: <c>system</c>, <c>persisted</c> or <c>token</c>.</param>
public sealed record ClockBehind(long BehindBy, DateTimeOffset TrustedTime, string Source) : KioskEventBody;
