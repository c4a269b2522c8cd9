using Kiosk.Edge.TrustedTime;
using Kiosk.Tests.Tokens;
using Kiosk.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.TrustedTime;

/// <summary>Token checks on trusted time: the issuer mints on the real time, the kiosk's clock is wrong.</summary>
public sealed class TrustedTokenValidatorTests : IDisposable
{
    private static readonly DateTimeOffset Real = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private readonly TokenTestKit _kit = new();
    private readonly FakeTimeProvider _real = new(Real);
    private readonly TokenIssuer _issuer;
    private readonly WallClock _system = new(Real);

    public TrustedTokenValidatorTests()
    {
        _issuer = new TokenIssuer(_kit.PrivateKeyPem, TokenTestKit.Kid, _real);
    }

    [Fact]
    public void Validate_ClockOneHourBehindWithPersistedFloor_FreshPassAcceptedAndOldPassRefused()
    {
        _system.Set(Real - TimeSpan.FromHours(1));
        var oldPass = IssueAt(Real - TimeSpan.FromMinutes(30));
        var (validator, clock, _) = Create(persisted: Real - TimeSpan.FromMinutes(10));

        // The persisted floor alone already refuses a pass that expired before the power cut...
        Assert.Equal(DenyReason.Expired, validator.Validate(oldPass).Reason);

        // ...and a freshly minted pass moves the floor to its iat and opens.
        var fresh = _issuer.Issue(TokenTestKit.Pass());
        Assert.True(validator.Validate(fresh).IsValid);
        Assert.Equal(Real, clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromHours(1), clock.SystemBehind());
    }

    [Fact]
    public void Validate_ClockOneHourBehindNoFloor_SignedIatAdvancesTheFloor()
    {
        _system.Set(Real - TimeSpan.FromHours(1));
        var (validator, clock, _) = Create(persisted: null);

        var result = validator.Validate(_issuer.Issue(TokenTestKit.Pass()));

        Assert.True(result.IsValid);
        Assert.Equal(Real, clock.NewestIat);
        // Once the floor moved, a pass minted an hour ago (valid by the wrong system clock) is expired.
        Assert.Equal(DenyReason.Expired, validator.Validate(IssueAt(Real - TimeSpan.FromHours(1))).Reason);
    }

    [Fact]
    public void Validate_ClockResetTo1970WithPersistedFloor_FreshPassAccepted()
    {
        _system.Set(DateTimeOffset.UnixEpoch);
        var (validator, clock, _) = Create(persisted: Real - TimeSpan.FromHours(6));

        Assert.True(validator.Validate(_issuer.Issue(TokenTestKit.Pass())).IsValid);
        Assert.Equal(Real, clock.GetUtcNow());
    }

    [Fact]
    public void Validate_ClockResetTo1970NoFloor_RefusedAsNotYetValidAndFloorUnmoved()
    {
        // Nothing trusted to go on: 56 years exceed the lead a token may move the clock by.
        _system.Set(DateTimeOffset.UnixEpoch);
        var (validator, clock, _) = Create(persisted: null);

        Assert.Equal(DenyReason.NotYetValid, validator.Validate(_issuer.Issue(TokenTestKit.Pass())).Reason);
        Assert.Equal(DateTimeOffset.UnixEpoch, clock.GetUtcNow());
    }

    [Fact]
    public void Validate_ForgedTokenWithFutureIat_BadSignatureAndFloorNeverMoves()
    {
        _system.Set(Real - TimeSpan.FromHours(1));
        var (validator, clock, _) = Create(persisted: null);
        var (forgerPem, _) = KeyPairGenerator.CreateP256();
        using var forger = new TokenIssuer(forgerPem, TokenTestKit.Kid, _real);
        var before = clock.GetUtcNow();

        Assert.Equal(DenyReason.BadSignature, validator.Validate(forger.Issue(TokenTestKit.Pass())).Reason);
        var tampered = _issuer.Issue(TokenTestKit.Pass());
        var parts = tampered.Split('.');
        var payload = TokenTestKit.B64(_kit.Payload(iat: (Real + TimeSpan.FromDays(1)).ToUnixTimeSeconds(), exp: (Real + TimeSpan.FromDays(1)).ToUnixTimeSeconds() + 60));
        Assert.Equal(DenyReason.BadSignature, validator.Validate($"{parts[0]}.{payload}.{parts[2]}").Reason);

        Assert.Equal(before, clock.GetUtcNow());
        Assert.Null(clock.NewestIat);
    }

    [Fact]
    public void Validate_TrustedTokenWithAbsurdIat_RefusedAndFloorUnmoved()
    {
        var (validator, clock, _) = Create(persisted: null);
        var far = (Real + TimeSpan.FromDays(365)).ToUnixTimeSeconds();

        Assert.Equal(DenyReason.NotYetValid, validator.Validate(_kit.SignPayload(_kit.Payload(iat: far, exp: far + 60))).Reason);
        Assert.Equal(Real, clock.GetUtcNow());
    }

    [Fact]
    public void Validate_ClockRunningAhead_FreshPassesExpiredAndTheLeadIsEstimated()
    {
        _system.Set(Real + TimeSpan.FromHours(1));
        var (validator, _, ahead) = Create(persisted: null);

        for (var i = 0; i < ClockAheadDetector.Evidence; i++)
        {
            Assert.Null(ahead.SuspectedAhead);
            Assert.Equal(DenyReason.Expired, validator.Validate(_issuer.Issue(TokenTestKit.Pass($"worker-{i}"))).Reason);
            _real.Advance(TimeSpan.FromSeconds(20));
            _system.Advance(TimeSpan.FromSeconds(20));
        }

        var lead = Assert.NotNull(ahead.SuspectedAhead);
        Assert.InRange(lead, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public void Validate_OldScreenshotsOfDifferentAges_NoAheadSuspected()
    {
        var (validator, _, ahead) = Create(persisted: null);

        foreach (var age in new[] { 5, 12, 30, 240 })
        {
            Assert.Equal(DenyReason.Expired, validator.Validate(IssueAt(Real - TimeSpan.FromMinutes(age))).Reason);
        }

        Assert.Null(ahead.SuspectedAhead);
    }

    [Fact]
    public void Validate_AcceptedPassAfterSuspicion_ClearsIt()
    {
        var (validator, _, ahead) = Create(persisted: null);
        for (var i = 0; i < ClockAheadDetector.Evidence; i++)
        {
            validator.Validate(IssueAt(Real - TimeSpan.FromHours(1) + TimeSpan.FromSeconds(i), $"w-{i}"));
        }

        Assert.NotNull(ahead.SuspectedAhead);
        Assert.True(validator.Validate(_issuer.Issue(TokenTestKit.Pass())).IsValid);
        Assert.Null(ahead.SuspectedAhead);
    }

    public void Dispose()
    {
        _issuer.Dispose();
        _kit.Dispose();
    }

    private (TrustedTokenValidator Validator, TrustedClock Clock, ClockAheadDetector Ahead) Create(DateTimeOffset? persisted)
    {
        var clock = new TrustedClock(_system, persisted, TrustedValidation.MaxIatLead);
        var ahead = new ClockAheadDetector(_system, TimeSpan.FromMinutes(6));
        return (TrustedValidation.On(_kit, clock, ahead), clock, ahead);
    }

    private string IssueAt(DateTimeOffset when, string sub = "worker-0042")
    {
        using var issuer = new TokenIssuer(_kit.PrivateKeyPem, TokenTestKit.Kid, new FakeTimeProvider(when));
        return issuer.Issue(TokenTestKit.Pass(sub));
    }
}
