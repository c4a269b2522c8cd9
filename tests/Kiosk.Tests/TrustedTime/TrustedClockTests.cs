using Kiosk.Edge.TrustedTime;

namespace Kiosk.Tests.TrustedTime;

public sealed class TrustedClockTests
{
    private static readonly DateTimeOffset Real = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lead = TimeSpan.FromDays(7);

    [Fact]
    public void GetUtcNow_NoPersistedFloor_IsTheSystemClock()
    {
        var system = new WallClock(Real);
        var clock = new TrustedClock(system, null, Lead);

        Assert.Equal(Real, clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.SystemBehind());
    }

    [Fact]
    public void GetUtcNow_OneHourBehindWithPersistedFloor_FloorCarriedForwardMonotonically()
    {
        var system = new WallClock(Real);
        system.Set(Real - TimeSpan.FromHours(1));
        var persisted = Real - TimeSpan.FromMinutes(10);
        var clock = new TrustedClock(system, persisted, Lead);

        Assert.Equal(persisted, clock.GetUtcNow());
        system.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(persisted + TimeSpan.FromMinutes(5), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromMinutes(50), clock.SystemBehind());
    }

    [Fact]
    public void GetUtcNow_ClockResetTo1970_FloorIsThePersistedTime()
    {
        var system = new WallClock(Real);
        system.Set(DateTimeOffset.UnixEpoch);
        var persisted = Real - TimeSpan.FromHours(3);
        var clock = new TrustedClock(system, persisted, Lead);

        system.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(persisted + TimeSpan.FromSeconds(30), clock.GetUtcNow());
        Assert.True(clock.SystemBehind() > TimeSpan.FromDays(20_000));
    }

    [Fact]
    public void GetUtcNow_PersistedFloorBehindSystem_IsTheSystemClock()
    {
        var system = new WallClock(Real);
        var clock = new TrustedClock(system, Real - TimeSpan.FromDays(2), Lead);

        Assert.Equal(Real, clock.GetUtcNow());
    }

    [Fact]
    public void GetUtcNow_SystemClockStepsBack_NeverDecreases()
    {
        var system = new WallClock(Real);
        var clock = new TrustedClock(system, null, Lead);
        system.Advance(TimeSpan.FromMinutes(1));
        var before = clock.GetUtcNow();

        system.Set(Real - TimeSpan.FromHours(2));
        system.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(before + TimeSpan.FromSeconds(10), clock.GetUtcNow());
    }

    [Fact]
    public void OfferVerifiedIat_AheadWithinLead_AdvancesTheFloorWhichThenRunsOn()
    {
        var system = new WallClock(Real);
        system.Set(Real - TimeSpan.FromHours(1));
        var clock = new TrustedClock(system, null, Lead);

        Assert.Equal(IatOutcome.Advanced, clock.OfferVerifiedIat(Real));
        system.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(Real + TimeSpan.FromSeconds(20), clock.GetUtcNow());
        Assert.Equal(Real, clock.NewestIat);
    }

    [Fact]
    public void OfferVerifiedIat_BehindTheFloor_NeverMovesItBack()
    {
        var system = new WallClock(Real);
        var clock = new TrustedClock(system, null, Lead);

        Assert.Equal(IatOutcome.NotAhead, clock.OfferVerifiedIat(Real - TimeSpan.FromDays(1)));
        Assert.Equal(Real, clock.GetUtcNow());
        Assert.Null(clock.NewestIat);
    }

    [Fact]
    public void OfferVerifiedIat_AbsurdFutureIat_IgnoredAsIssuerFault()
    {
        var system = new WallClock(Real);
        var clock = new TrustedClock(system, null, Lead);

        Assert.Equal(IatOutcome.TooFarAhead, clock.OfferVerifiedIat(new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(IatOutcome.TooFarAhead, clock.OfferVerifiedIat(Real + Lead + TimeSpan.FromSeconds(1)));
        Assert.Equal(Real, clock.GetUtcNow());
    }

    [Fact]
    public void OfferVerifiedIat_ExactlyAtTheLead_Advances()
    {
        var clock = new TrustedClock(new WallClock(Real), null, Lead);

        Assert.Equal(IatOutcome.Advanced, clock.OfferVerifiedIat(Real + Lead));
    }

    [Fact]
    public void Source_FollowsWhereTheFloorCameFrom()
    {
        var system = new WallClock(Real);
        system.Set(Real - TimeSpan.FromHours(1));
        var clock = new TrustedClock(system, Real - TimeSpan.FromMinutes(30), Lead);
        Assert.Equal(TrustedClock.PersistedSource, clock.Source);

        clock.OfferVerifiedIat(Real);
        Assert.Equal(TrustedClock.TokenSource, clock.Source);

        system.Set(Real + TimeSpan.FromHours(1));
        Assert.Equal(TrustedClock.SystemSource, clock.Source);
    }
}
