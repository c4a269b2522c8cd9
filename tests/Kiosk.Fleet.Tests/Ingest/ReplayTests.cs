using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.Fleet.Web.Live;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Tests.Ingest;

/// <summary>
/// The retained replay at each (re)connect (every status and state, two per kiosk): an instance restarted
/// under live traffic stores the events it is given without waiting behind it. Asserted by commit order
/// (<see cref="FleetChangeLog"/>), not by time.
/// </summary>
public abstract class ReplayTests(SharedServers servers, DatabaseProvider provider) : FleetTestBase(servers, provider)
{
    // Many small batches: the replay spans ~40 commits, so "before its end" is not a matter of luck.
    private const int Retained = 2000;

    private static readonly Dictionary<string, string?> SmallBatches = new() { ["Fleet:Mqtt:IngestBatch"] = "50" };

    [Fact]
    public async Task Restart_UnderLiveTraffic_EventCommittedBeforeTheReplayEnds()
    {
        var clientId = "fleet-" + Root;
        var retained = await PublishRetainedBirthsAsync("replay", Retained);
        var kiosk = await ConnectKioskAsync("live-0001");
        await using (var first = await FleetUnderTest.StartAsync(Database, BrokerPort, Root, SmallBatches, clientId))
        {
            await Eventually.TrueAsync(() => first.DbAsync(db => db.Kiosks.CountAsync(Ct)).Result > Retained, TimeSpan.FromSeconds(180), "the first replay stored");
        }

        // The same instance again (its sessions kept by the broker): it replays every retained birth.
        FleetChangeLog? log = null;
        var again = await StartFleetAsync(SmallBatches, clientId, s => log = FleetChangeLog.AttachTo(s));
        await Eventually.TrueAsync(() => log!.Kiosks(FleetChangeKinds.Status).Overlaps(retained), Wait, "the replay under way");
        var sent = DateTimeOffset.UtcNow;
        await kiosk.EventAsync(1, "door.closed", sent);

        await Eventually.TrueAsync(
            () => log!.Kiosks(FleetChangeKinds.Events).Contains(kiosk.Id) && log.Kiosks(FleetChangeKinds.Status).IsSupersetOf(retained),
            TimeSpan.FromSeconds(180),
            "the event and the whole replay committed");
        var changes = log!.Snapshot();
        var eventBatch = changes.ToList().FindIndex(c => c.Touches(FleetChangeKinds.Events, kiosk.Id));
        var replayedAfter = log.Kiosks(FleetChangeKinds.Status, eventBatch + 1);
        replayedAfter.IntersectWith(retained);
        Assert.True(
            replayedAfter.Count > 0,
            $"the event was committed in batch {eventBatch + 1} of {changes.Count}, after the whole replay of {Retained} births: it waited behind it");
        Assert.Equal(1, await again.DbAsync(db => db.Events.CountAsync(e => e.KioskId == kiosk.Id, Ct)));
    }
}

public sealed class SqliteReplayTests(SharedServers servers) : ReplayTests(servers, DatabaseProvider.Sqlite);

public sealed class PostgresReplayTests(SharedServers servers) : ReplayTests(servers, DatabaseProvider.Postgres);
