namespace Kiosk.Contract.Events;

/// <summary>
/// <c>clock.behind</c>: Extension (issue 11): the system clock is behind the kiosk's trusted time by more
/// than the token clock skew; passes are checked on trusted time meanwhile. Raised once when it starts.
/// </summary>
/// <param name="BehindBy">Seconds the system clock is behind the trusted time.</param>
/// <param name="TrustedTime">The trusted time when it was noticed (RFC 3339 UTC, milliseconds).</param>
/// <param name="Source">What the trusted time came from: <c>persisted</c> (the last good time saved before a stop),
/// <c>token</c> (the <c>iat</c> of a validly signed token) or <c>system</c> (an earlier reading of the system clock, which then stepped back).</param>
public sealed record ClockBehind(
    long BehindBy,
    string TrustedTime,
    string Source) : KioskEventBody;
