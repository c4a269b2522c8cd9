using System.Device.Gpio;
using System.Text.Json.Nodes;
using Kiosk.Edge.Access;
using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Hardware.Simulation;

namespace Kiosk.Tests.Hardware.Simulation;

public sealed class SimScanOperationTests : IDisposable
{
    private readonly Board _board = new(new SimulatedGpioDriver());
    private readonly ScanQueue _scans = new();
    private readonly ControlSession _session = new(Stream.Null, 0);

    [Fact]
    public async Task Scan_Granted_AnswersTheDoor()
    {
        var pending = Execute("eyJ.a.b");
        Assert.True(_scans.Reader.TryRead(out var scanned));
        Assert.Equal("eyJ.a.b", scanned.Text);
        Assert.False(pending.IsCompleted);

        scanned.Decided!.SetResult(AccessDecision.Grant("rest"));

        Assert.Equal("""{"granted":true,"door":"rest"}""", (await pending)!.ToJsonString());
    }

    [Fact]
    public async Task Scan_Denied_AnswersTheReason()
    {
        var pending = Execute("eyJ.a.b");
        Assert.True(_scans.Reader.TryRead(out var scanned));

        scanned.Decided!.SetResult(AccessDecision.Deny("expired", null));

        Assert.Equal("""{"granted":false,"reason":"expired"}""", (await pending)!.ToJsonString());
    }

    [Fact]
    public async Task Scan_DroppedByAFullQueue_Refused()
    {
        var pending = Execute("eyJ.first");
        for (var i = 0; i < 16; i++)
        {
            _scans.TryWrite("eyJ.flood");
        }

        var e = await Assert.ThrowsAsync<ControlException>(() => pending);
        Assert.Contains("dropped", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"text":""}""")]
    [InlineData("""{"text":42}""")]
    [InlineData("""{"text":"a\nb"}""")]
    public async Task Scan_BadText_RefusedAndNothingQueued(string args)
    {
        await Assert.ThrowsAsync<ControlException>(() =>
            new SimScanOperation(_board, _scans).ExecuteAsync(JsonNode.Parse(args)!.AsObject(), _session, TestContext.Current.CancellationToken).AsTask());

        Assert.False(_scans.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Scan_RealBoard_Refused()
    {
        using var gpio = new GpioController(new SimulatedGpioDriver());
        var real = new Board(gpio, simulation: null, BoardKind.Libgpiod, TimeSpan.Zero);

        var e = await Assert.ThrowsAsync<ControlException>(() =>
            new SimScanOperation(real, _scans).ExecuteAsync(new JsonObject { ["text"] = "eyJ.a.b" }, _session, TestContext.Current.CancellationToken).AsTask());

        Assert.Contains("only on the simulated board", e.Message);
        Assert.False(_scans.Reader.TryRead(out _));
    }

    public void Dispose() => _board.Dispose();

    private Task<JsonNode?> Execute(string text) =>
        new SimScanOperation(_board, _scans).ExecuteAsync(new JsonObject { ["text"] = text }, _session, TestContext.Current.CancellationToken).AsTask();
}
