using Kiosk.Contract.State;
using Kiosk.Contract.Json;
using Kiosk.Contract.Events;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Kiosk.Edge.Messaging;
using Kiosk.Edge.Messaging.Connection;
using Kiosk.Edge.Messaging.Telemetry;
using Kiosk.Edge.State;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MQTTnet.Protocol;

namespace Kiosk.IntegrationTests.Messaging;

/// <summary>
/// Bytes on the wire per kiosk, measured at a byte-counting TCP relay between the kiosk and the
/// fleet-configured Mosquitto (TLS with client certificates, default link settings). Each kind of
/// exchange is measured for real once; an hour is then composed from the documented schedule
/// (a compressed timeline, not an hour of waiting). Prints the figures; the only assertion is the
/// idle-day budget (0.5 MB).
/// </summary>
public sealed class BandwidthReport(FleetBrokerFixture fleet) : IClassFixture<FleetBrokerFixture>
{
    /// <summary>IPv4 (20) + TCP with timestamps (32) per segment; each MQTT packet assumed to take one segment and one ACK.</summary>
    private const int TcpIpPerPacket = 2 * 52;

    [Fact]
    public async Task Bandwidth_IdleAndBusyHour_PrintFiguresAndIdleDayWithinBudget()
    {
        await using var proxy = new TcpProxy(fleet.Broker.Port);
        var telemetry = new SettableTelemetry();
        foreach (var circuit in new[] { "outlet", "kettle", "microwave", "ac" })
        {
            telemetry.Values[$"power.{circuit}.watts"] = 12.5;
            telemetry.Values[$"power.{circuit}.wh"] = 10234.5;
        }

        telemetry.Values["occupancy.rest.count"] = 0;
        telemetry.Values["occupancy.life.count"] = 0;
        telemetry.Values["temperature.inside.c"] = 21.5;
        await using var kiosk = await KioskUnderTest.StartAsync(
            proxy.Port,
            new Dictionary<string, string?>
            {
                ["Mqtt:Tls:Enabled"] = "true",
                ["Mqtt:Tls:CaFile"] = fleet.Pki.CaFile,
                ["Mqtt:Tls:CertFile"] = fleet.Pki.Cert("kiosk-a"),
                ["Mqtt:Tls:KeyFile"] = fleet.Pki.Key("kiosk-a"),
                // Defaults everywhere else; only the telemetry loop is driven by the test instead of the clock.
                ["Mqtt:Telemetry:Period"] = "1.00:00:00",
                ["Mqtt:Telemetry:Deadbands:power"] = "5",
                ["Mqtt:Telemetry:Deadbands:occupancy"] = "0",
                ["Mqtt:Telemetry:Deadbands:temperature"] = "0.5",
            },
            s => s.AddSingleton<TelemetrySource>(telemetry),
            id: "kiosk-a");
        SetRealisticState(kiosk.Board, locked: true, open: false, count: 0);
        await kiosk.WaitConnectedAsync(TimeSpan.FromSeconds(15));
        await Eventually.TrueAsync(() => kiosk.Board.Get("doors") is not null, TimeSpan.FromSeconds(5), "state");

        var session = await proxy.QuiesceAsync(TimeSpan.FromMilliseconds(1500));

        var before = proxy.BytesTotal;
        Assert.True(await kiosk.Link.TryPingAsync(CancellationToken.None));
        var ping = await proxy.QuiesceAsync() - before;

        var publisher = kiosk.Services.GetServices<IHostedService>().OfType<TelemetryPublisher>().Single();
        before = proxy.BytesTotal;
        Assert.Equal(11, await publisher.PublishOnceAsync(CancellationToken.None));
        var telemetryFull = await proxy.QuiesceAsync() - before;

        telemetry.Values["power.kettle.watts"] = 1850;
        telemetry.Values["power.kettle.wh"] = 10264.5;
        telemetry.Values["occupancy.rest.count"] = 1;
        before = proxy.BytesTotal;
        Assert.Equal(3, await publisher.PublishOnceAsync(CancellationToken.None));
        var telemetryTypical = await proxy.QuiesceAsync() - before;

        // One door cycle: unlock and open (state + door.opened), then close and relock (state + door.closed).
        before = proxy.BytesTotal;
        SetRealisticState(kiosk.Board, locked: false, open: true, count: 1);
        kiosk.Journal.Append(new DoorOpened("rest", "scan", "w-7f3a9c", "worker"));
        await proxy.QuiesceAsync();
        SetRealisticState(kiosk.Board, locked: true, open: false, count: 1);
        kiosk.Journal.Append(new DoorClosed("rest"));
        await Eventually.TrueAsync(() => kiosk.Journal.PendingCount == 0, TimeSpan.FromSeconds(10), "the events to be acknowledged");
        var cycle = await proxy.QuiesceAsync(TimeSpan.FromMilliseconds(1500)) - before;

        var options = new MqttOptions();
        var pingsPerHour = 3600 / LinkSupervisor.CheckInterval(options.KeepAlive).TotalSeconds;
        var telemetryIdlePerHour = 3600 / options.Telemetry.MaxInterval.TotalSeconds;
        var telemetryBusyPerHour = 3600 / options.Telemetry.Period.TotalSeconds;

        var idleHour = (pingsPerHour * ping) + (telemetryIdlePerHour * telemetryFull);
        var idleDay = (24 * idleHour) + session;
        var busyHour = (pingsPerHour * ping) + (100 * cycle) + (telemetryBusyPerHour * telemetryTypical);
        var idleHourIp = idleHour + (pingsPerHour * 2 * TcpIpPerPacket) + (telemetryIdlePerHour * TcpIpPerPacket);
        var idleDayIp = (24 * idleHourIp) + session + (12 * TcpIpPerPacket);
        var busyHourIp = busyHour + (pingsPerHour * 2 * TcpIpPerPacket) + (100 * 8 * TcpIpPerPacket) + (telemetryBusyPerHour * TcpIpPerPacket);

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"bytes on the wire above TCP (TLS 1.3 records included), kiosk <-> broker, both directions")
            .AppendLine(CultureInfo.InvariantCulture, $"  session start (TLS handshake with client cert, CONNECT+will, SUBSCRIBE, birth, state): {session} B")
            .AppendLine(CultureInfo.InvariantCulture, $"  keep-alive exchange (PINGREQ+PINGRESP): {ping} B, {pingsPerHour:F1} per hour")
            .AppendLine(CultureInfo.InvariantCulture, $"  telemetry, all 11 keys (QoS 0): {telemetryFull} B; typical 3 changed keys: {telemetryTypical} B")
            .AppendLine(CultureInfo.InvariantCulture, $"  door cycle (2 state messages + door.opened + door.closed, QoS 1 with PUBACKs): {cycle} B")
            .AppendLine(CultureInfo.InvariantCulture, $"idle hour: {idleHour / 1024:F1} KiB ({idleHourIp / 1024:F1} KiB with TCP/IP headers)")
            .AppendLine(CultureInfo.InvariantCulture, $"idle day (incl. one session start): {idleDay / 1024:F1} KiB ({idleDayIp / 1024:F1} KiB with TCP/IP headers)")
            .AppendLine(CultureInfo.InvariantCulture, $"busy hour (100 door cycles, telemetry every minute): {busyHour / 1024:F1} KiB ({busyHourIp / 1024:F1} KiB with TCP/IP headers)");
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "kiosk-bandwidth.txt"), report.ToString());

        Assert.True(idleDayIp < 500 * 1024, report.ToString());
    }

    private static void SetRealisticState(StateBoard board, bool locked, bool open, int count)
    {
        var c = ContractJsonContext.Default;
        board.Set(StateSections.Doors, new Dictionary<string, DoorState>
        {
            ["rest"] = new(locked ? "locked" : "unlocked", open ? "open" : "closed", "normal", null),
            ["life"] = new("locked", "closed", "normal", null),
        }, c.DictionaryStringDoorState);
        board.Set(StateSections.Occupancy, new OccupancyState(
            new Dictionary<string, CabinOccupancy> { ["rest"] = new(count, 6, false, null, null), ["life"] = new(0, 2, false, null, null) }, count, count), c.OccupancyState);
        var circuits = new Dictionary<string, CircuitState>();
        foreach (var id in new[] { "outlet", "kettle", "microwave", "ac" })
        {
            circuits[id] = new CircuitState(true, 12.5, 100, 2000, false, false, false, null, null);
        }

        board.Set(StateSections.Circuits, circuits, c.DictionaryStringCircuitState);
        board.Set(StateSections.Intercom, new IntercomState(new HelpState(false, null), null, 0, false), c.IntercomState);
        board.Set(StateSections.Health, new HealthState(true, true, new Dictionary<string, HealthCheckState> { ["doors"] = new(true) }), c.HealthState);
    }
}
