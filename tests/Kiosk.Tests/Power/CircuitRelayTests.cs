using System.Device.Gpio;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class CircuitRelayTests : IDisposable
{
    private readonly SimulatedGpioDriver _chip = new();
    private readonly GpioController _gpio;

    public CircuitRelayTests() => _gpio = new GpioController(_chip);

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public void Constructor_ActiveHighOrLow_OpensTheLineDeEnergised(bool activeLow, int level)
    {
        var relay = new CircuitRelay(_gpio, 18, activeLow);

        Assert.Equal((PinValue)level, _chip.GetOutput(18));
        Assert.False(relay.IsOn);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public void Switch_On_DrivesTheActiveLevel(bool activeLow, int level)
    {
        var relay = new CircuitRelay(_gpio, 18, activeLow);

        relay.Switch(true);

        Assert.Equal((PinValue)level, _chip.GetOutput(18));
        Assert.True(relay.IsOn);
    }

    public void Dispose() => _gpio.Dispose();
}
