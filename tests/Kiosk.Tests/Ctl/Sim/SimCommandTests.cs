using Kiosk.Ctl;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Control;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Ctl.Sim;

/// <summary>Each sim verb sends its sim.* operation with exactly the arguments typed, nothing implied.</summary>
public sealed class SimCommandTests : IAsyncDisposable
{
    private static readonly string[] Operations = ["scan", "press", "door", "beam", "presence", "help", "load", "meter", "climate", "fault", "gpio"];

    private readonly string _directory = Directory.CreateTempSubdirectory("kioskctl-sim-").FullName;
    private readonly CancellationTokenSource _stop = new();
    private readonly ControlServer _server;

    public SimCommandTests()
    {
        _server = new ControlServer(
            Operations.Select(o => (ControlOperation)new EchoOperation("sim." + o)),
            Options.Create(new ControlOptions()),
            Options.Create(new KioskOptions { Id = "test-0001", RuntimeDirectory = _directory }),
            NullLogger<ControlServer>.Instance);
    }

    [Theory]
    [InlineData("sim scan https://pass.example/?t=abc", "sim.scan", """{"text":"https://pass.example/?t=abc"}""")]
    [InlineData("sim press exit", "sim.press", """{"button":"exit"}""")]
    [InlineData("sim press exit --door life", "sim.press", """{"button":"exit","door":"life"}""")]
    [InlineData("sim door close --door rest", "sim.door", """{"action":"close","door":"rest"}""")]
    [InlineData("sim beam --cabin rest --direction in", "sim.beam", """{"direction":"in","cabin":"rest"}""")]
    [InlineData("sim presence --cabin life --present true", "sim.presence", """{"present":true,"cabin":"life"}""")]
    [InlineData("sim presence --present false", "sim.presence", """{"present":false}""")]
    [InlineData("sim help", "sim.help", "{}")]
    [InlineData("sim help --cabin rest", "sim.help", """{"cabin":"rest"}""")]
    [InlineData("sim load --circuit outlet --watts 2000", "sim.load", """{"circuit":"outlet","watts":2000}""")]
    [InlineData("sim load --circuit outlet --watts 12.5", "sim.load", """{"circuit":"outlet","watts":12.5}""")]
    [InlineData("sim meter --circuit aircon --fault frozen", "sim.meter", """{"circuit":"aircon","fault":"frozen"}""")]
    [InlineData("sim climate --cabin rest --celsius 41", "sim.climate", """{"cabin":"rest","celsius":41}""")]
    [InlineData("sim climate --cabin rest --humidity 70 --co2 1800", "sim.climate", """{"cabin":"rest","humidity":70,"co2":1800}""")]
    [InlineData("sim climate --cabin life --fault no_answer", "sim.climate", """{"cabin":"life","fault":"no_answer"}""")]
    [InlineData("sim climate --cpu 80", "sim.climate", """{"cpu":80}""")]
    [InlineData("sim fault", "sim.fault", "{}")]
    [InlineData("sim fault --fault contact_stuck --door rest", "sim.fault", """{"fault":"contact_stuck","door":"rest"}""")]
    [InlineData("sim fault --fault meter_silent --circuit outlet --on false", "sim.fault", """{"fault":"meter_silent","circuit":"outlet","on":false}""")]
    [InlineData("sim fault --fault rtc_missing", "sim.fault", """{"fault":"rtc_missing"}""")]
    [InlineData("sim gpio", "sim.gpio", "{}")]
    public async Task SimVerb_Typed_SendsExactlyThoseArguments(string line, string op, string args)
    {
        await _server.StartAsync(_stop.Token);
        await _server.Listening.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CtlApp.RunAsync([.. line.Split(' '), "--socket", _server.SocketPath], CtlIo.Plain(stdout, stderr), TestContext.Current.CancellationToken);

        Assert.True(code == 0, stderr.ToString());
        Assert.Equal($"op: {op}\nargs: {args}\n", stdout.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _server.StopAsync(CancellationToken.None);
        _server.Dispose();
        _stop.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
