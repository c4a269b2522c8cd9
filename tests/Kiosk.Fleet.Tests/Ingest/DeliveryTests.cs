using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.Fleet.Web.Live;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Tests.Ingest;

/// <summary>At-least-once from the broker, exactly once in the database: two instances, and a crash mid-ingest.</summary>
public abstract class DeliveryTests(SharedServers servers, DatabaseProvider provider) : FleetTestBase(servers, provider)
{
    private const int Events = 600;

    [Fact]
    public async Task TwoInstances_OneBroker_EveryEventStoredExactlyOnce()
    {
        // Kiosks online before the instances start: each instance must take their retained births (the
        // shared subscription, which splits the events, gets no retained messages: MQTT 5 section 4.8.2).
        var earlier = await PublishRetainedBirthsAsync("early", 100);
        FleetChangeLog? firstLog = null;
        FleetChangeLog? secondLog = null;
        var first = await StartFleetAsync(beforeStart: s => firstLog = FleetChangeLog.AttachTo(s));
        var second = await StartFleetAsync(beforeStart: s => secondLog = FleetChangeLog.AttachTo(s));
        var kiosks = new[] { await ConnectKioskAsync("pair-0001"), await ConnectKioskAsync("pair-0002") };
        var start = DateTimeOffset.UtcNow;
        for (var seq = 1; seq <= Events / 2; seq++)
        {
            foreach (var kiosk in kiosks)
            {
                await kiosk.EventAsync(seq, "door.closed", start.AddMilliseconds(seq));
            }
        }

        // Some again, as a kiosk resending after a lost PUBACK would.
        for (var seq = 1; seq <= 50; seq++)
        {
            await kiosks[0].EventAsync(seq, "door.closed", start.AddMilliseconds(seq));
        }

        await Eventually.TrueAsync(() => first.DbAsync(db => db.Events.CountAsync(Ct)).Result >= Events, TimeSpan.FromSeconds(120), $"{Events} events");
        Assert.Equal(Events, await first.DbAsync(db => db.Events.CountAsync(Ct)));
        Assert.Equal(Events, await first.DbAsync(db => db.Events.Select(e => new { e.KioskId, e.Seq }).Distinct().CountAsync(Ct)));
        // Both instances took a share (the broker split the shared subscription).
        Assert.True(Ingested(first) > 0 && Ingested(second) > 0, $"first {Ingested(first)}, second {Ingested(second)}");
        Assert.True(firstLog!.Kiosks(FleetChangeKinds.Events).Count > 0 && secondLog!.Kiosks(FleetChangeKinds.Events).Count > 0);

        // And each took the whole retained replay.
        await Eventually.TrueAsync(() => firstLog.Kiosks(FleetChangeKinds.Status).IsSupersetOf(earlier) && secondLog!.Kiosks(FleetChangeKinds.Status).IsSupersetOf(earlier), Wait, "the retained births on both instances");
    }

    [Fact]
    public async Task Kill9_DuringIngest_LosesNothingTheBrokerDelivered()
    {
        var clientId = "fleet-" + Root;
        var fleet = await FleetProcess.StartAsync(Database, BrokerPort, Root, clientId);
        var kiosk = await ConnectKioskAsync("crash-0001");
        var start = DateTimeOffset.UtcNow;
        var publish = Task.Run(async () =>
        {
            for (var seq = 1; seq <= Events; seq++)
            {
                await kiosk.EventAsync(seq, "door.closed", start.AddMilliseconds(seq));
            }
        }, Ct);

        await using (var probe = await FleetUnderTest.StartAsync(Database, BrokerPort, "unused-" + Root))
        {
            await Eventually.TrueAsync(() => probe.DbAsync(db => db.Events.CountAsync(Ct)).Result > 50, TimeSpan.FromSeconds(60), "ingest under way");
        }

        await fleet.KillAsync();
        await publish;
        await fleet.DisposeAsync();

        // Every event the broker accepted (PUBACK to the kiosk) reaches the database once the instance is back.
        await using var again = await FleetProcess.StartAsync(Database, BrokerPort, Root, clientId);
        await using var check = await FleetUnderTest.StartAsync(Database, BrokerPort, "unused2-" + Root);
        await Eventually.TrueAsync(() => check.DbAsync(db => db.Events.CountAsync(Ct)).Result >= Events, TimeSpan.FromSeconds(120), $"all {Events} events after the restart");
        Assert.Equal(Events, await check.DbAsync(db => db.Events.CountAsync(Ct)));
    }

    private static long Ingested(FleetUnderTest fleet) =>
        fleet.Logs.GetSnapshot().Count == 0 ? 0 : fleet.Services.GetRequiredService<Kiosk.Fleet.Observability.FleetMetrics>().Stored;
}

public sealed class SqliteDeliveryTests(SharedServers servers) : DeliveryTests(servers, DatabaseProvider.Sqlite);

public sealed class PostgresDeliveryTests(SharedServers servers) : DeliveryTests(servers, DatabaseProvider.Postgres);
