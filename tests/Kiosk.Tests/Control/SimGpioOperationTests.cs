using System.Device.Gpio;
using System.IO.Pipes;
using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Control;

public sealed class SimGpioOperationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ExecuteAsync_NoFollow_ReturnsOpenLinesWithLevels()
    {
        var chip = new SimulatedGpioDriver();
        using var board = new Board(chip);
        board.Gpio.OpenPin(17, PinMode.Output);
        board.Gpio.Write(17, PinValue.High);
        var operation = new SimGpioOperation(board, new FakeTimeProvider());

        var result = await operation.ExecuteAsync([], new ControlSession(Stream.Null, null), TestContext.Current.CancellationToken);

        Assert.Equal("high", result!["17"]!["level"]!.GetValue<string>());
        Assert.Equal("Output", result["17"]!["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExecuteAsync_Follow_StreamsEachOutputChangeWithItsMonotonicTime()
    {
        var time = new FakeTimeProvider();
        var chip = new SimulatedGpioDriver();
        using var board = new Board(chip);
        board.Gpio.OpenPin(17, PinMode.Output);
        var operation = new SimGpioOperation(board, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var writer = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new StreamReader(new AnonymousPipeClientStream(PipeDirection.In, writer.ClientSafePipeHandle));
        var streaming = operation.ExecuteAsync(new JsonObject { ["follow"] = true }, new ControlSession(writer, null), stop.Token).AsTask();

        var snapshot = JsonNode.Parse((await reader.ReadLineAsync(stop.Token).AsTask().WaitAsync(Patience, stop.Token))!)!;
        board.Gpio.Write(17, PinValue.High);
        time.Advance(TimeSpan.FromMilliseconds(1.5));
        board.Gpio.Write(17, PinValue.Low);
        var rise = JsonNode.Parse((await reader.ReadLineAsync(stop.Token).AsTask().WaitAsync(Patience, stop.Token))!)!;
        var fall = JsonNode.Parse((await reader.ReadLineAsync(stop.Token).AsTask().WaitAsync(Patience, stop.Token))!)!;

        Assert.Equal("low", snapshot["17"]!["level"]!.GetValue<string>());
        Assert.Equal(17, rise["pin"]!.GetValue<int>());
        Assert.Equal("high", rise["level"]!.GetValue<string>());
        Assert.Equal("low", fall["level"]!.GetValue<string>());
        Assert.Equal(1_500_000, fall["t_ns"]!.GetValue<long>() - rise["t_ns"]!.GetValue<long>());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => streaming.WaitAsync(Patience, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ExecuteAsync_RealBoard_Refused()
    {
        using var board = new Board(new GpioController(new SimulatedGpioDriver()), null, BoardKind.Libgpiod, TimeSpan.Zero);
        var operation = new SimGpioOperation(board, new FakeTimeProvider());

        var e = await Assert.ThrowsAsync<ControlException>(() => operation.ExecuteAsync([], new ControlSession(Stream.Null, null), TestContext.Current.CancellationToken).AsTask());

        Assert.Contains("simulated board", e.Message, StringComparison.Ordinal);
    }
}
