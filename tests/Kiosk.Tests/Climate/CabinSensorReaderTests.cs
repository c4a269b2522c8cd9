using Kiosk.Contract.Events;
using Kiosk.Edge.Climate;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Tests.Climate;

public sealed class CabinSensorReaderTests : IDisposable
{
    private static readonly ClimateOptions Options = new();
    private readonly FakeClimateSensor _air = new("sht3x");
    private readonly FakeClimateSensor _co2 = new("scd4x");
    private readonly CabinClimate _cabin;
    private readonly CabinSensorReader _reader = new(Options, NullLogger.Instance);
    private readonly List<KioskEventBody> _events = [];

    public CabinSensorReaderTests() => _cabin = new CabinClimate("rest", new CabinClimateOptions(), _air, _co2, Options);

    [Fact]
    public void Read_GoodReadings_RoundedValuesAndNoFault()
    {
        _air.Reading = new ClimateReading(21.34, 45.66);
        _co2.Reading = new ClimateReading(null, null, 812.6);

        _reader.Read(_cabin, _events);

        Assert.Equal((21.3, 45.7, 813.0), (_cabin.Celsius, _cabin.Humidity, _cabin.Co2Ppm));
        Assert.Null(_cabin.Fault);
        Assert.Null(_cabin.Co2Fault);
        Assert.Empty(_events);
    }

    [Fact]
    public void Read_AirFault_ClearsValuesAndRaisesOncePerFault()
    {
        _air.Reading = new ClimateReading(21, 45);
        _reader.Read(_cabin, _events);
        _air.Fault = ClimateFault.NoAnswer;

        _reader.Read(_cabin, _events);
        _reader.Read(_cabin, _events);

        Assert.Null(_cabin.Celsius);
        Assert.Null(_cabin.Humidity);
        Assert.Equal(ClimateFault.NoAnswer, _cabin.Fault);
        Assert.Equal("fake NoAnswer", _cabin.FaultDetail);
        Assert.Equal([new ClimateSensorFault("rest", "sht3x", ClimateFault.NoAnswer.ToContract())], _events);

        _air.Fault = null;
        _reader.Read(_cabin, _events);
        Assert.Null(_cabin.Fault);
        Assert.Null(_cabin.FaultDetail);
        Assert.Equal(21, _cabin.Celsius);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(40_000.5)]
    public void Read_Co2OutOfRange_ImplausibleFault(double ppm)
    {
        _air.Reading = new ClimateReading(21, 45);
        _co2.Reading = new ClimateReading(null, null, ppm);

        _reader.Read(_cabin, _events);

        Assert.Null(_cabin.Co2Ppm);
        Assert.Equal(ClimateFault.Implausible, _cabin.Co2Fault);
        Assert.NotNull(_cabin.Co2FaultDetail);
        Assert.Equal([new ClimateSensorFault("rest", "scd4x", ClimateFault.Implausible.ToContract())], _events);
        Assert.Equal(21, _cabin.Celsius);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(40_000.0)]
    public void Read_Co2AtTheRangeBounds_Kept(double ppm)
    {
        _co2.Reading = new ClimateReading(null, null, ppm);
        _air.Reading = new ClimateReading(21, 45);

        _reader.Read(_cabin, _events);

        Assert.Equal(ppm, _cabin.Co2Ppm);
        Assert.Null(_cabin.Co2Fault);
    }

    [Fact]
    public void Read_Co2FaultThenBack_ClearsTheFault()
    {
        _air.Reading = new ClimateReading(21, 45);
        _co2.Fault = ClimateFault.NoAnswer;
        _reader.Read(_cabin, _events);
        _reader.Read(_cabin, _events);
        Assert.Single(_events);

        _co2.Fault = null;
        _co2.Reading = new ClimateReading(null, null, 500);
        _reader.Read(_cabin, _events);
        Assert.Null(_cabin.Co2Fault);
        Assert.Null(_cabin.Co2FaultDetail);
        Assert.Equal(500, _cabin.Co2Ppm);
    }

    [Theory]
    [InlineData(null, 40.0)]
    [InlineData(20.0, null)]
    [InlineData(double.NaN, 40.0)]
    [InlineData(-40.1, 40.0)]
    [InlineData(85.1, 40.0)]
    [InlineData(20.0, -0.1)]
    [InlineData(20.0, 100.1)]
    [InlineData(20.0, double.PositiveInfinity)]
    public void Plausible_OutsideWhatACabinCanHave_ImplausibleFault(double? celsius, double? humidity)
    {
        var e = Assert.Throws<ClimateSensorException>(() => _reader.Plausible(new ClimateReading(celsius, humidity)));
        Assert.Equal(ClimateFault.Implausible, e.Fault);
    }

    [Theory]
    [InlineData(-40.0, 0.0)]
    [InlineData(85.0, 100.0)]
    public void Plausible_AtTheBounds_Kept(double celsius, double humidity) =>
        Assert.Equal(new ClimateReading(celsius, humidity), _reader.Plausible(new ClimateReading(celsius, humidity)));

    public void Dispose() => _cabin.Dispose();
}
