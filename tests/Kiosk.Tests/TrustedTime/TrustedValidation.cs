using Kiosk.Edge.TrustedTime;
using Kiosk.Tests.Tokens;
using Kiosk.Tokens;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Tests.TrustedTime;

/// <summary>Trusted-time token validation for tests: the validator and a trusted clock on one time source.</summary>
internal static class TrustedValidation
{
    public static readonly TimeSpan MaxIatLead = TimeSpan.FromDays(7);

    /// <summary>
    /// For tests about something else: the kit's validator (on the kit's fake clock) behind the
    /// trusted-time wrapper; with no persisted floor the trusted time is the fake clock's.
    /// </summary>
    public static TrustedTokenValidator For(TokenTestKit kit) =>
        new(kit.Validator, new TrustedClock(kit.Time, null, MaxIatLead), new ClockAheadDetector(kit.Time, TimeSpan.FromMinutes(6)), NullLogger<TrustedTokenValidator>.Instance);

    /// <summary>The production wiring: the validator checks time against <paramref name="clock"/>.</summary>
    public static TrustedTokenValidator On(TokenTestKit kit, TrustedClock clock, ClockAheadDetector ahead) =>
        new(new TokenValidator(kit.Store, kit.Options, clock), clock, ahead, NullLogger<TrustedTokenValidator>.Instance);
}
