using System.Device.Gpio;
using System.Text.Json.Nodes;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Intercom;
using Kiosk.IntegrationTests.Infrastructure;
using Kiosk.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.IntegrationTests.Intercom;

/// <summary>
/// The intercom behind a real Mosquitto: the call button's intercom.help reaches the backend, and
/// signed ack_help / announce commands from the backend act on the simulated board.
/// </summary>
public sealed class IntercomOverMqttTests : IAsyncLifetime
{
    private const int CallButtonPin = 11;
    private const int HelpLedPin = 12;
    private const int AmpPin = 14;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly MosquittoBroker _broker = new();
    private readonly string _id = "test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _audio = Directory.CreateTempSubdirectory("kiosk-intercom-").FullName;
    private SignedTokens _tokens = null!;
    private KioskUnderTest _kiosk = null!;
    private BrokerObserver _backend = null!;

    private SimulatedGpioDriver Chip => _kiosk.Services.GetRequiredService<Board>().Simulation!;

    public async ValueTask InitializeAsync()
    {
        await _broker.StartAsync();
        _tokens = new SignedTokens(_id);
        Directory.CreateDirectory(Path.Combine(_audio, "clips"));
        var intercom = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Intercom:CallButtonPin"] = CallButtonPin.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Intercom:HelpLedPin"] = HelpLedPin.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Intercom:AmpEnablePin"] = AmpPin.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Intercom:Cabin"] = "rest",
            ["Intercom:QuietHoursStart"] = "00:00:00",
            ["Intercom:QuietHoursEnd"] = "00:00:00",
            ["Intercom:ClipDirectory"] = Path.Combine(_audio, "clips"),
            ["Intercom:OutputDirectory"] = Path.Combine(_audio, "out"),
            ["Intercom:HangTime"] = "00:00:00.500",
        }).Build();
        _kiosk = await KioskUnderTest.StartAsync(_broker.Port, id: _id, services: s =>
        {
            s.AddSingleton(_tokens.Verifier);
            s.AddIntercom(intercom);
        });
        _backend = await BrokerObserver.ConnectAsync(_broker.Port, $"kiosk/{_id}/#");
        await _kiosk.WaitConnectedAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        await _backend.DisposeAsync();
        await _kiosk.DisposeAsync();
        _tokens.Dispose();
        await _broker.DisposeAsync();
        Directory.Delete(_audio, recursive: true);
    }

    [Fact]
    public async Task HelpButton_Pressed_BackendGetsHelpAndAckHelpCommandClearsIndicator()
    {
        // A button to ground: pressed is Low; the board's debounce runs on the real clock here.
        Chip.SetInput(CallButtonPin, PinValue.Low);
        var help = await _backend.WaitForAsync($"kiosk/{_id}/events", m => m.Json["type"]?.GetValue<string>() == "intercom.help", Patience);
        Chip.SetInput(CallButtonPin, PinValue.High);
        Assert.Equal("rest", help.Json["cabin"]!.GetValue<string>());
        Assert.Equal(PinValue.High, Chip.GetOutput(HelpLedPin));
        await _backend.WaitForAsync($"kiosk/{_id}/state", m => m.Json["intercom"]?["help"]?["pending"]?.GetValue<bool>() == true, Patience);

        await SendAsync("ack_help", "r-ack", null);
        var reply = await _backend.WaitForAsync($"kiosk/{_id}/reply/r-ack", timeout: Patience);
        Assert.True(reply.Json["ok"]!.GetValue<bool>(), reply.Payload);
        Assert.True(reply.Json["result"]!["cleared"]!.GetValue<bool>());
        Assert.Equal(PinValue.Low, Chip.GetOutput(HelpLedPin));
        var ack = await _backend.WaitForAsync($"kiosk/{_id}/events", m => m.Json["type"]?.GetValue<string>() == "intercom.help_ack", Patience);
        Assert.Equal("remote", ack.Json["via"]!.GetValue<string>());
        await _backend.WaitForAsync($"kiosk/{_id}/state", m => m.Json["intercom"]?["help"]?["pending"]?.GetValue<bool>() == false, Patience);
    }

    [Fact]
    public async Task AckHelp_WorkerToken_RoleForbiddenAndIndicatorStaysOn()
    {
        Chip.SetInput(CallButtonPin, PinValue.Low);
        await _backend.WaitForAsync($"kiosk/{_id}/events", m => m.Json["type"]?.GetValue<string>() == "intercom.help", Patience);

        await SendAsync("ack_help", "r-worker", null, KioskRole.Worker);
        var reply = await _backend.WaitForAsync($"kiosk/{_id}/reply/r-worker", timeout: Patience);
        Assert.Equal("role_forbidden", reply.Json["error"]!.GetValue<string>());
        Assert.Equal(PinValue.High, Chip.GetOutput(HelpLedPin));
    }

    [Fact]
    public async Task Announce_SignedText_RepliesQueuedThenPlaysWithAmplifierAndReportsIt()
    {
        var amp = new List<PinValue>();
        Chip.OutputChanged += (pin, value) =>
        {
            if (pin == AmpPin)
            {
                lock (amp)
                {
                    amp.Add(value);
                }
            }
        };

        await SendAsync("announce", "r-say", new() { ["text"] = "请注意，清洁车即将到达。", ["priority"] = "urgent", ["volume"] = 70 });
        var reply = await _backend.WaitForAsync($"kiosk/{_id}/reply/r-say", timeout: Patience);
        Assert.True(reply.Json["ok"]!.GetValue<bool>(), reply.Payload);
        Assert.True(reply.Json["result"]!["queued"]!.GetValue<bool>());
        Assert.Equal(1, reply.Json["result"]!["position"]!.GetValue<int>());

        var announced = await _backend.WaitForAsync($"kiosk/{_id}/events", m => m.Json["type"]?.GetValue<string>() == "intercom.announced", Patience);
        Assert.Equal("text", announced.Json["kind"]!.GetValue<string>());
        Assert.Equal("urgent", announced.Json["priority"]!.GetValue<string>());
        Assert.Equal("remote", announced.Json["via"]!.GetValue<string>());
        Assert.InRange(announced.Json["duration"]!.GetValue<double>(), 0.3, 30);
        Assert.Single(Directory.GetFiles(Path.Combine(_audio, "out"), "*.wav"));

        // Switched on for the announcement, off again after the hang time.
        await Eventually.WaitAsync(
            () => Task.FromResult(Chip.GetOutput(AmpPin) == PinValue.Low ? "off" : null),
            Patience,
            "the amplifier to switch off after the hang time");
        lock (amp)
        {
            Assert.Equal([PinValue.High, PinValue.Low], amp);
        }
    }

    [Fact]
    public async Task Announce_PathTraversal_BadArgumentsAndNothingPlays()
    {
        await SendAsync("announce", "r-bad", new() { ["clip"] = "../../etc/passwd" });
        var reply = await _backend.WaitForAsync($"kiosk/{_id}/reply/r-bad", timeout: Patience);
        Assert.Equal("bad_arguments", reply.Json["error"]!.GetValue<string>());
        Assert.False(Directory.Exists(Path.Combine(_audio, "out")) && Directory.GetFiles(Path.Combine(_audio, "out")).Length > 0);
        Assert.Equal(PinValue.Low, Chip.GetOutput(AmpPin));
    }

    private Task SendAsync(string cmd, string requestId, Dictionary<string, JsonNode?>? args, KioskRole role = KioskRole.Operator)
    {
        var token = _tokens.Issue.Issue(new TokenDescriptor
        {
            Issuer = SignedTokens.Issuer,
            Audiences = [_id],
            Subject = "op-intercom",
            Role = role,
            Cmd = cmd,
            Lifetime = TimeSpan.FromSeconds(60),
            Extra = args,
        });
        return _backend.PublishAsync($"kiosk/{_id}/cmd/{cmd}", new JsonObject { ["id"] = requestId, ["token"] = token }.ToJsonString());
    }
}
