using Kiosk.Edge.Events;
using Kiosk.Edge.Health;
using Kiosk.Edge.State;
using Kiosk.Edge.TrustedTime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.TrustedTime;

public sealed class TrustedTimeKeeperTests : IDisposable
{
    private static readonly DateTimeOffset Real = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private readonly string _dir = Directory.CreateTempSubdirectory("trusted-time-").FullName;
    private readonly WallClock _system = new(Real);
    private readonly StateBoard _board = new();
    private readonly EventJournal _journal;
    private readonly TrustedTimeStore _store;
    private readonly HealthMonitor _health;
    private readonly ClockAheadDetector _ahead;

    public TrustedTimeKeeperTests()
    {
        _journal = new EventJournal(Path.Combine(_dir, "events.db"), new EventJournalOptions(), _system);
        _store = new TrustedTimeStore(Path.Combine(_dir, TrustedTimeStore.FileName));
        _health = new HealthMonitor(_system, _board, Options.Create(new HealthOptions()));
        _ahead = new ClockAheadDetector(_system, TimeSpan.FromMinutes(6));
    }

    [Fact]
    public void Step_ClockOneHourBehindPersistedFloor_RecordsClockBehindOnceWithHealthEntry()
    {
        _store.Save(Real - TimeSpan.FromMinutes(5));
        _system.Set(Real - TimeSpan.FromHours(1) - TimeSpan.FromMinutes(5));
        var keeper = Keeper(new TrustedClock(_system, _store.Load(), TimeSpan.FromDays(7)));

        keeper.Step();
        _system.Advance(TimeSpan.FromSeconds(10));
        keeper.Step();

        var behind = Assert.Single(Events("clock.behind"));
        Contract.GoldenFile.MatchEvent("clock.behind", behind);
        Assert.Equal(3600, behind.Fields["behindBy"]!.GetValue<long>());
        Assert.Equal("persisted", behind.Fields["source"]!.GetValue<string>());
        Assert.Equal("2026-11-23T05:55:00.000Z", behind.Fields["trustedTime"]!.GetValue<string>());
        _health.Evaluate();
        var entry = _board.Get("health")!["checks"]![TrustedTimeKeeper.HealthCheckName]!;
        Assert.False(entry["ok"]!.GetValue<bool>());
        Assert.Contains("3600 s behind trusted time", entry["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Step_BehindWithinSkew_NothingReportedAndHealthOk()
    {
        _store.Save(Real);
        _system.Set(Real - TimeSpan.FromSeconds(20));
        var keeper = Keeper(new TrustedClock(_system, _store.Load(), TimeSpan.FromDays(7)));

        keeper.Step();

        Assert.Empty(Events("clock.behind"));
        _health.Evaluate();
        Assert.True(_board.Get("health")!["checks"]![TrustedTimeKeeper.HealthCheckName]!["ok"]!.GetValue<bool>());
    }

    [Fact]
    public void Step_SystemClockCatchesUp_HealthEntryClears()
    {
        _system.Set(Real - TimeSpan.FromHours(1));
        var clock = new TrustedClock(_system, null, TimeSpan.FromDays(7));
        clock.OfferVerifiedIat(Real);
        var keeper = Keeper(clock);
        keeper.Step();
        Assert.Equal("token", Assert.Single(Events("clock.behind")).Fields["source"]!.GetValue<string>());

        _system.Set(clock.GetUtcNow());
        keeper.Step();

        _health.Evaluate();
        Assert.True(_board.Get("health")!["checks"]![TrustedTimeKeeper.HealthCheckName]!["ok"]!.GetValue<bool>());
    }

    [Fact]
    public void Step_RefusedPassesShowClockAhead_RecordsClockAheadOnce()
    {
        var keeper = Keeper(new TrustedClock(_system, null, TimeSpan.FromDays(7)));
        for (var i = 0; i < ClockAheadDetector.Evidence; i++)
        {
            _ahead.ObserveExpired(Real - TimeSpan.FromHours(2) + TimeSpan.FromSeconds(i), Real);
        }

        keeper.Step();
        keeper.Step();

        var ahead = Assert.Single(Events("clock.ahead"));
        Contract.GoldenFile.MatchEvent("clock.ahead", ahead);
        Assert.Equal(7198, ahead.Fields["aheadBy"]!.GetValue<long>());
        _health.Evaluate();
        Assert.Contains("ahead", _board.Get("health")!["checks"]![TrustedTimeKeeper.HealthCheckName]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Step_PersistsAtTheIntervalAndNeverLowersTheStoredTime()
    {
        var clock = new TrustedClock(_system, null, TimeSpan.FromDays(7));
        var keeper = Keeper(clock);

        keeper.Step();
        Assert.Equal(Real, _store.Load());
        _system.Advance(TimeSpan.FromSeconds(30));
        keeper.Step();
        Assert.Equal(Real, _store.Load());
        _system.Advance(TimeSpan.FromSeconds(30));
        keeper.Step();
        Assert.Equal(Real + TimeSpan.FromMinutes(1), _store.Load());

        _store.Save(Real);
        Assert.Equal(Real + TimeSpan.FromMinutes(1), _store.Load());
    }

    [Fact]
    public async Task StopAsync_SavesTheTrustedTime()
    {
        var clock = new TrustedClock(_system, null, TimeSpan.FromDays(7));
        clock.OfferVerifiedIat(Real + TimeSpan.FromMinutes(3));
        var keeper = Keeper(clock);

        await keeper.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Real + TimeSpan.FromMinutes(3), _store.Load());
    }

    public void Dispose()
    {
        _journal.Dispose();
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private TrustedTimeKeeper Keeper(TrustedClock clock) => new(
        clock, _ahead, _store, _journal, _health, new ClockOptions(), TimeSpan.FromSeconds(30), NullLogger<TrustedTimeKeeper>.Instance);

    private IEnumerable<KioskEvent> Events(string type) => _journal.ReadAfter(0, 100).Where(e => e.Type == type);
}
