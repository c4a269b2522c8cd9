using System.Text.Json.Nodes;
using Kiosk.Ctl;

namespace Kiosk.IntegrationTests.EndToEnd;

/// <summary>The simulated cabins in the real service, moved with kioskctl sim verbs, debounced in real time.</summary>
public sealed class DoorSimulationTests
{
    [Fact]
    public async Task SimPressAndDoor_LifeCabin_ExitOpensAndClosingRelocks()
    {
        // A long unlock time, so a slow machine between the kioskctl runs cannot turn the opening into forced_open.
        var settings = KioskSettings.Isolated();
        settings["Doors:Cabins:life:UnlockTime"] = "00:02:00";
        await using var kiosk = await ServiceProcess.StartAsync(settings, cancellationToken: TestContext.Current.CancellationToken);
        var client = new ControlClient(kiosk.SocketPath);
        var ct = TestContext.Current.CancellationToken;

        var press = await kiosk.CtlAsync("sim", "press", "exit", "--door", "life");
        Assert.True(press.ExitCode == 0, press.ToString());
        // The press goes through the input debounce in real time: wait for its event before reading the state.
        var opened = await ScanToOpenTests.WaitForEventAsync(client, "door.opened", ct);
        Assert.Equal("life", opened["door"]!.GetValue<string>());
        Assert.Equal("exit", opened["via"]!.GetValue<string>());
        Assert.Equal("unlocked", (await DoorStateAsync(client, "life", ct))["lock"]!.GetValue<string>());
        Assert.Equal("high", await LineAsync(client, 5, ct));

        Assert.Equal(0, (await kiosk.CtlAsync("sim", "door", "open", "--door", "life")).ExitCode);
        Assert.Equal(0, (await kiosk.CtlAsync("sim", "door", "close", "--door", "life")).ExitCode);

        var closed = await ScanToOpenTests.WaitForEventAsync(client, "door.closed", ct);
        Assert.Equal("life", closed["door"]!.GetValue<string>());
        var life = await DoorStateAsync(client, "life", ct);
        Assert.Equal("locked", life["lock"]!.GetValue<string>());
        Assert.Equal("closed", life["contact"]!.GetValue<string>());
        Assert.Equal("low", await LineAsync(client, 5, ct));
        Assert.Equal("locked", (await DoorStateAsync(client, "rest", ct))["lock"]!.GetValue<string>());
    }

    [Fact]
    public async Task SimDoor_OpenedWhileLocked_RaisesForcedOpen()
    {
        await using var kiosk = await ServiceProcess.StartAsync(KioskSettings.Isolated(), cancellationToken: TestContext.Current.CancellationToken);
        var client = new ControlClient(kiosk.SocketPath);
        var ct = TestContext.Current.CancellationToken;

        var open = await kiosk.CtlAsync("sim", "door", "open");
        Assert.True(open.ExitCode == 0, open.ToString());

        var forced = await ScanToOpenTests.WaitForEventAsync(client, "door.forced_open", ct);
        Assert.Equal("rest", forced["door"]!.GetValue<string>());
        Assert.Equal("forced_open", (await DoorStateAsync(client, "rest", ct))["alarm"]!.GetValue<string>());
        Assert.Equal("low", await LineAsync(client, 17, ct));
    }

    private static async Task<JsonObject> DoorStateAsync(ControlClient client, string door, CancellationToken ct) =>
        (await client.RequestAsync("status", null, ct))!["state"]!["doors"]![door]!.AsObject();

    private static async Task<string> LineAsync(ControlClient client, int pin, CancellationToken ct) =>
        (await client.RequestAsync("sim.gpio", null, ct))![pin.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["level"]!.GetValue<string>();
}
