using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Occupancy;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Occupancy;

public sealed class SimOperationsTests : IDisposable
{
    private readonly OccupancyFixture _f = new(OccupancyFixture.Cabin(beams: true, presence: true));
    private readonly SimulatedGpioDriver _chip = new();
    private readonly ControlSession _session = new(Stream.Null, 0);

    /// <summary>Runs an operation that waits on the fake clock, advancing the clock until it completes.</summary>
    private async Task<JsonNode?> RunAsync(ControlOperation op, JsonObject args)
    {
        var task = op.ExecuteAsync(args, _session, TestContext.Current.CancellationToken).AsTask();
        for (var i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            _f.Time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Yield();
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task SimBeam_InThenAbortThenOut_MovesTheCountThroughTheDebouncedInputs()
    {
        var board = new Board(_chip, TimeSpan.FromMilliseconds(30));
        using var sensors = new OccupancySensors(board, _f.Options, _f.Estimator, _f.Time);
        var op = new SimBeamOperation(new SimulatedInputs(board, _f.Time), Options.Create(_f.Options));

        await RunAsync(op, new JsonObject { ["cabin"] = "rest", ["direction"] = "in" });
        Assert.Equal(1, _f.Estimator.Count("rest"));
        await RunAsync(op, new JsonObject { ["direction"] = "abort" });
        Assert.Equal(1, _f.Estimator.Count("rest"));
        await RunAsync(op, new JsonObject { ["cabin"] = "rest", ["direction"] = "out" });
        Assert.Equal(0, _f.Estimator.Count("rest"));
    }

    [Fact]
    public async Task SimPresence_Present_SetsPresence()
    {
        var board = new Board(_chip, TimeSpan.FromMilliseconds(30));
        using var sensors = new OccupancySensors(board, _f.Options, _f.Estimator, _f.Time);
        var op = new SimPresenceOperation(new SimulatedInputs(board, _f.Time), Options.Create(_f.Options));
        await RunAsync(op, new JsonObject { ["cabin"] = "rest", ["present"] = true });
        Assert.Equal(true, _f.Estimator.Presence("rest"));
        Assert.Equal(1, _f.Estimator.Count("rest"));
    }

    [Theory]
    [InlineData("""{"cabin":"rest","direction":"sideways"}""")]
    [InlineData("""{"cabin":"attic","direction":"in"}""")]
    public async Task SimBeam_BadArguments_Refuses(string args)
    {
        var board = new Board(_chip, TimeSpan.FromMilliseconds(30));
        var op = new SimBeamOperation(new SimulatedInputs(board, _f.Time), Options.Create(_f.Options));
        await Assert.ThrowsAsync<ControlException>(() => RunAsync(op, JsonNode.Parse(args)!.AsObject()));
    }

    [Fact]
    public async Task SimPresence_NotABoolean_Refuses()
    {
        var board = new Board(_chip, TimeSpan.FromMilliseconds(30));
        var op = new SimPresenceOperation(new SimulatedInputs(board, _f.Time), Options.Create(_f.Options));
        await Assert.ThrowsAsync<ControlException>(() => RunAsync(op, new JsonObject { ["present"] = "yes" }));
    }

    public void Dispose() => _f.Dispose();
}
