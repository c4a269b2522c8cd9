using System.Device.Gpio;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

/// <summary>Circuits on a simulated chip with fake meters, for testing one power rule without the guard.</summary>
internal sealed class CircuitBench : IDisposable
{
    private readonly GpioController _gpio = new(new SimulatedGpioDriver());
    private int _nextPin = 18;

    public static DateTimeOffset T0 { get; } = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    public Circuit Add(string id, double limit = 1000, int priority = 0, bool normallyOn = true, SafeState safeState = SafeState.Off, bool followsOccupancy = false, bool on = true, double maxWatts = 10_000)
    {
        var options = new CircuitOptions { RelayPin = _nextPin, LimitWatts = limit, Meter = id, Priority = priority, NormallyOn = normallyOn, SafeState = safeState, FollowsOccupancy = followsOccupancy };
        var relay = new CircuitRelay(_gpio, _nextPin++, activeLow: false);
        relay.Switch(on);
        return new Circuit(id, options, relay, $"m-{id}", new FakeMeter(), new MeterOptions { MaxWatts = maxWatts, NoiseWatts = 5 });
    }

    public void Dispose() => _gpio.Dispose();
}
