using Kiosk.Edge.Events;
using Kiosk.Edge.Health;
using Kiosk.Edge.State;
using Kiosk.Edge.TrustedTime;
using Kiosk.Tests.TrustedTime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Contract;

/// <summary>clock.behind and clock.ahead, as the trusted-time keeper records them.</summary>
public sealed class TrustedTimeGoldenTests : IDisposable
{
    private static readonly DateTimeOffset Real = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private readonly string _dir = Directory.CreateTempSubdirectory("time-golden-").FullName;

    [Fact]
    public void Events_ClockBehindAndAhead_MatchGolden()
    {
        var system = new WallClock(Real);
        system.Set(Real - TimeSpan.FromHours(1));
        using var journal = new EventJournal(Path.Combine(_dir, "e.db"), new EventJournalOptions(), system.Monotonic);
        using var store = new TrustedTimeStore(Path.Combine(_dir, TrustedTimeStore.FileName));
        var clock = new TrustedClock(system, null, TimeSpan.FromDays(7));
        clock.OfferVerifiedIat(Real);
        var ahead = new ClockAheadDetector(system, TimeSpan.FromMinutes(6));
        var keeper = new TrustedTimeKeeper(
            clock, ahead, store, journal, new HealthMonitor(system, new StateBoard(), Options.Create(new HealthOptions())),
            new ClockOptions(), TimeSpan.FromSeconds(30), NullLogger<TrustedTimeKeeper>.Instance);

        keeper.Step();
        for (var i = 0; i < ClockAheadDetector.Evidence; i++)
        {
            ahead.ObserveExpired(Real - TimeSpan.FromMinutes(20) - TimeSpan.FromSeconds(i), Real);
        }

        keeper.Step();

        var events = journal.ReadAfter(0, 10);
        GoldenFile.MatchEvent("clock.behind", Assert.Single(events, e => e.Type == "clock.behind"));
        GoldenFile.MatchEvent("clock.ahead", Assert.Single(events, e => e.Type == "clock.ahead"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
