namespace Kiosk.Contract.Events;

/// <summary>
/// <c>clock.behind</c>: the system clock is behind the trusted time by more than the token clock skew;
/// passes are checked on the trusted time meanwhile (docs/tokens.md, "Trusted time").
/// </summary>
/// <param name="BehindBy">Seconds the system clock is behind the trusted time.</param>
/// <param name="TrustedTime">The trusted time when it was noticed (RFC 3339 UTC).</param>
/// <param name="Source">What the trusted time came from: <c>persisted</c>, <c>token</c> or <c>system</c>.</param>
public sealed record ClockBehind(
    long BehindBy,
    DateTimeOffset TrustedTime,
    string Source) : KioskEventBody;
