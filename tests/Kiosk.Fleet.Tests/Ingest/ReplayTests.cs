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
    public async Task Restart_UnderLiveTraffic_EventsCommittedWhileTheReplayRuns()
    {
        var clientId = "fleet-" + Root;
        var retained = await PublishRetainedBirthsAsync("replay", Retained);
        var kiosk = await ConnectKioskAsync("live-0001");
        await using (var first = await FleetUnderTest.StartAsync(Database, BrokerPort, Root, SmallBatches, clientId))
        {
            await Eventually.TrueAsync(() => first.DbAsync(db => db.Kiosks.CountAsync(Ct)).Result > Retained, TimeSpan.FromSeconds(180), "the first replay stored");
        }

        // Live traffic throughout: the kiosk sends an event every 50 ms from before the restart until the replay is
        // committed, so events are always on their way whatever the machine's load makes of the replay's pace.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var sent = 0;
        var stream = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await kiosk.EventAsync(++sent, "door.closed", DateTimeOffset.UtcNow);
                await Task.Delay(50, CancellationToken.None);
            }
        }, CancellationToken.None);

        // The same instance again (its sessions kept by the broker): it replays every retained birth.
        FleetChangeLog? log = null;
        var again = await StartFleetAsync(SmallBatches, clientId, s => log = FleetChangeLog.AttachTo(s));
        await Eventually.TrueAsync(() => log!.Kiosks(FleetChangeKinds.Status).IsSupersetOf(retained), TimeSpan.FromSeconds(180), "the whole replay committed");
        await stop.CancelAsync();
        await stream;
        await Eventually.TrueAsync(() => again.DbAsync(db => db.Events.CountAsync(e => e.KioskId == kiosk.Id, Ct)).Result >= sent, TimeSpan.FromSeconds(60), $"{sent} events stored");

        // Commit order: the replay spans many batches (from the first to the last that stores a retained birth); events
        // must be committed between them, not all queued behind the last one.
        var changes = log!.Snapshot();
        var replayBatches = Enumerable.Range(0, changes.Count).Where(i => changes[i].Touches(FleetChangeKinds.Status) && changes[i].Kiosks.Overlaps(retained)).ToList();
        var (replayStart, replayEnd) = (replayBatches[0], replayBatches[^1]);
        var during = Enumerable.Range(replayStart, replayEnd - replayStart).Count(i => changes[i].Touches(FleetChangeKinds.Events, kiosk.Id));
        Assert.True(
            during > 0,
            $"no event was committed during the replay (batches {replayStart + 1}-{replayEnd + 1} of {changes.Count}, {replayBatches.Count} with replayed births): events waited behind it");
        Assert.Equal(sent, await again.DbAsync(db => db.Events.CountAsync(e => e.KioskId == kiosk.Id, Ct)));
    }
}

public sealed class SqliteReplayTests(SharedServers servers) : ReplayTests(servers, DatabaseProvider.Sqlite);

public sealed class PostgresReplayTests(SharedServers servers) : ReplayTests(servers, DatabaseProvider.Postgres);
