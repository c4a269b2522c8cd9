using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class EnergyCounterTests : IDisposable
{
    private readonly CircuitBench _bench = new();

    [Fact]
    public void Count_Power_IntegratedOverTheInterval()
    {
        var c = _bench.Add("a");
        EnergyCounter.Count(c, new MeterReading(1200), TimeSpan.FromMinutes(30));
        Assert.Equal(600, c.WattHours, precision: 9);
        EnergyCounter.Count(c, new MeterReading(1200), TimeSpan.Zero);
        Assert.Equal(600, c.WattHours, precision: 9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Count_ZeroOrNegativePower_AddsNothing(double watts)
    {
        var c = _bench.Add("a");
        EnergyCounter.Count(c, new MeterReading(watts), TimeSpan.FromHours(1));
        Assert.Equal(0, c.WattHours);
    }

    [Fact]
    public void Count_MeterCounter_AddsTheDifferenceFromTheSecondReading()
    {
        var c = _bench.Add("a");
        EnergyCounter.Count(c, new MeterReading(5000, 10), TimeSpan.FromHours(1));
        Assert.Equal(0, c.WattHours);
        Assert.Equal(10, c.LastCounter);
        EnergyCounter.Count(c, new MeterReading(5000, 12.5), TimeSpan.FromHours(1));
        Assert.Equal(2.5, c.WattHours, precision: 9);
        EnergyCounter.Count(c, new MeterReading(5000, 12.5), TimeSpan.FromHours(1));
        Assert.Equal(2.5, c.WattHours, precision: 9);
    }

    [Fact]
    public void Count_CounterGoesBack_AddsNothingAndStartsOverFromIt()
    {
        var c = _bench.Add("a");
        EnergyCounter.Count(c, new MeterReading(0, 10), TimeSpan.Zero);
        EnergyCounter.Count(c, new MeterReading(0, 1), TimeSpan.Zero);
        Assert.Equal(0, c.WattHours);
        EnergyCounter.Count(c, new MeterReading(0, 3), TimeSpan.Zero);
        Assert.Equal(2, c.WattHours, precision: 9);
    }

    public void Dispose() => _bench.Dispose();
}
