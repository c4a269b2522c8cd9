using Kiosk.Contract.Events;
using Kiosk.Edge.Power;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Kiosk.Tests.Power;

public sealed class TripIntegratorTests : IDisposable
{
    private readonly CircuitBench _bench = new();
    private readonly PowerOptions _options = new() { LockoutTrips = 2, LockoutWindow = TimeSpan.FromMinutes(10), Cooldown = TimeSpan.FromSeconds(60) };
    private readonly List<KioskEventBody> _events = [];
    private readonly TripIntegrator _trips;
    private readonly DateTimeOffset _t0 = CircuitBench.T0;

    private readonly FakeLogger _logger = new();

    public TripIntegratorTests() => _trips = new TripIntegrator(_options, _logger);

    [Fact]
    public void Integrate_TwiceTheLimit_TripsAfterHalfASecond()
    {
        var c = _bench.Add("a", limit: 100);
        Assert.False(_trips.Integrate(c, on: true, 200, _t0, TimeSpan.FromSeconds(0.25), _events));
        Assert.False(c.Tripped);
        Assert.Equal(0.5, c.TripProgress, precision: 9);
        _trips.Integrate(c, on: true, 200, _t0, TimeSpan.FromSeconds(0.25), _events);
        Assert.True(c.Tripped);
        Assert.Equal(_t0, c.TrippedAt);
        Assert.Equal(0, c.TripProgress);
        var trip = Assert.IsType<PowerTrip>(Assert.Single(_events));
        Assert.Equal(new PowerTrip("a", 200, 100, "overload"), trip);
        var log = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Warning, "Circuit a tripped: 200 W over its 100 W limit"), (log.Level, log.Message));
    }

    [Fact]
    public void Integrate_ProgressShortOfOneByRoundingOnly_Trips()
    {
        // Sums of dt / tripTime can end a hair under 1; within TripEpsilon (1e-9) that is a trip.
        var c = _bench.Add("a", limit: 100);
        c.TripProgress = 1 - 1e-9;

        _trips.Integrate(c, on: true, 200, _t0, TimeSpan.Zero, _events);

        Assert.True(c.Tripped);
    }

    [Theory]
    [InlineData(100.0, true)]
    [InlineData(250.0, false)]
    public void Integrate_AtTheLimitOrOff_ForgetsTheProgress(double watts, bool on)
    {
        var c = _bench.Add("a", limit: 100);
        c.TripProgress = 0.7;
        _trips.Integrate(c, on, watts, _t0, TimeSpan.FromSeconds(1), _events);
        Assert.Equal(0, c.TripProgress);
        Assert.Empty(_events);
    }

    [Fact]
    public void Integrate_BetweenTheLimitAndTheFirstCurvePoint_HoldsTheProgress()
    {
        var c = _bench.Add("a", limit: 100);
        c.TripProgress = 0.7;
        Assert.False(_trips.Integrate(c, on: true, 105, _t0, TimeSpan.FromHours(1), _events));
        Assert.Equal(0.7, c.TripProgress);
        Assert.False(c.Tripped);
    }

    [Fact]
    public void Integrate_ZeroTripTime_TripsInOneSample()
    {
        _options.TripCurve = [new TripPointOptions { Percent = 150, After = TimeSpan.Zero }];
        var trips = new TripIntegrator(_options, _logger);
        var c = _bench.Add("a", limit: 100);
        trips.Integrate(c, on: true, 150, _t0, TimeSpan.Zero, _events);
        Assert.True(c.Tripped);
    }

    [Fact]
    public void Integrate_SecondTripWithinTheWindow_LocksOut()
    {
        var c = _bench.Add("a", limit: 100);
        _trips.Integrate(c, on: true, 1000, _t0, TimeSpan.FromSeconds(1), _events);
        c.Tripped = false;
        Assert.True(_trips.Integrate(c, on: true, 1000, _t0.AddMinutes(9), TimeSpan.FromSeconds(1), _events));
        Assert.True(c.LockedOut);
        Assert.Equal(new PowerLockout("a", 2, 600), _events[^1]);
        var log = _logger.Collector.LatestRecord;
        Assert.Equal((LogLevel.Warning, "Circuit a locked out after 2 trips; an operator must reset it"), (log.Level, log.Message));
    }

    [Fact]
    public void Integrate_SecondTripAfterTheWindow_NoLockout()
    {
        var c = _bench.Add("a", limit: 100);
        _trips.Integrate(c, on: true, 1000, _t0, TimeSpan.FromSeconds(1), _events);
        c.Tripped = false;
        Assert.False(_trips.Integrate(c, on: true, 1000, _t0.AddMinutes(10), TimeSpan.FromSeconds(1), _events));
        Assert.False(c.LockedOut);
        Assert.Single(c.RecentTrips);
    }

    [Fact]
    public void RestoreAfterCooldown_TrippedNotLockedOut_BackAfterTheCooldown()
    {
        var tripped = _bench.Add("a");
        var locked = _bench.Add("b");
        tripped.Tripped = locked.Tripped = locked.LockedOut = true;
        tripped.TrippedAt = locked.TrippedAt = _t0;

        _trips.RestoreAfterCooldown([tripped, locked], _t0.AddSeconds(59.9), _events);
        Assert.True(tripped.Tripped);
        _trips.RestoreAfterCooldown([tripped, locked], _t0.AddSeconds(60), _events);

        Assert.False(tripped.Tripped);
        Assert.True(locked.Tripped);
        Assert.Equal(new PowerRestored("a", "cooldown"), Assert.Single(_events));
    }

    public void Dispose() => _bench.Dispose();
}
