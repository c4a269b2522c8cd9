using System.Text.Json.Nodes;
using Kiosk.Ctl;
using Kiosk.IntegrationTests.EndToEnd;

namespace Kiosk.IntegrationTests.Intercom;

/// <summary>The call button and the occupancy sensors of the real service in simulation, driven by kioskctl.</summary>
public sealed class SimulatedIntercomTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static Dictionary<string, string> Settings(string name)
    {
        var settings = KioskSettings.Isolated();
        settings["Intercom:OutputDirectory"] = Path.Combine(Path.GetTempPath(), $"kiosk-e2e-audio-{name}-{Guid.NewGuid():N}");
        return settings;
    }

    [Fact]
    public async Task SimHelp_RealService_RaisesHelpAndLightsIndicator()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var kiosk = await ServiceProcess.StartAsync(Settings("help"), cancellationToken: ct);
        var client = new ControlClient(kiosk.SocketPath);

        var press = await kiosk.CtlAsync("sim", "help");
        Assert.True(press.ExitCode == 0, press.ToString());

        var help = await ScanToOpenTests.WaitForEventAsync(client, "intercom.help", ct);
        Assert.Equal("rest", help["cabin"]!.GetValue<string>());

        // The help indicator (GPIO 12, active high) is lit and the state says the call is pending.
        await Eventually.WaitAsync(
            async () => (await client.RequestAsync("sim.gpio", null, ct))?["12"]?["level"]?.GetValue<string>() == "high" ? "lit" : null,
            Patience,
            "the help indicator to light");
        var status = await client.RequestAsync("status", null, ct);
        Assert.True(status!["state"]!["intercom"]!["help"]!["pending"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SimBeamPresenceAndExit_RealService_CountPeoplePerCabin()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var kiosk = await ServiceProcess.StartAsync(Settings("occupancy"), cancellationToken: ct);
        var client = new ControlClient(kiosk.SocketPath);

        // rest has beams: two in, one out.
        foreach (var direction in (string[])["in", "in", "out"])
        {
            var walk = await kiosk.CtlAsync("sim", "beam", "--cabin", "rest", "--direction", direction);
            Assert.True(walk.ExitCode == 0, walk.ToString());
        }

        // life has no beams: its presence sensor finds someone nobody counted, then the exit button lets them
        // out. The exit counts only once the door has actually opened, and the presence sensor must stop
        // seeing them (it keeps the estimate at one while it sees someone).
        var present = await kiosk.CtlAsync("sim", "presence", "--cabin", "life", "--present", "true");
        Assert.True(present.ExitCode == 0, present.ToString());
        await Eventually.WaitAsync(
            async () => (await client.RequestAsync("status", null, ct))?["state"]?["occupancy"]?["life"]?["count"]?.GetValue<int>() == 1 ? "one" : null,
            Patience,
            "the presence sensor to count one in life");
        var exit = await kiosk.CtlAsync("sim", "press", "exit", "--door", "life");
        Assert.True(exit.ExitCode == 0, exit.ToString());
        await ScanToOpenTests.WaitForEventAsync(client, "door.opened", ct);
        foreach (var step in (string[][])[["sim", "door", "open", "--door", "life"], ["sim", "door", "close", "--door", "life"],
                     ["sim", "presence", "--cabin", "life", "--present", "false"]])
        {
            var r = await kiosk.CtlAsync(step);
            Assert.True(r.ExitCode == 0, r.ToString());
        }

        JsonObject occupancy;
        try
        {
            occupancy = await Eventually.WaitAsync(
                async () => (await client.RequestAsync("status", null, ct))?["state"]?["occupancy"] is JsonObject o
                    && o["life"]?["count"]?.GetValue<int>() == 0 ? o : null,
                Patience,
                "the exit to count one out of life");
        }
        catch (TimeoutException e)
        {
            var events = await kiosk.CtlAsync("events", "--json");
            throw new TimeoutException($"{e.Message}; events: {events.Stdout}", e);
        }
        Assert.Equal(1, occupancy["rest"]!["count"]!.GetValue<int>());
        Assert.Equal(2, occupancy["visitsToday"]!.GetValue<int>());
    }
}
