using System.Device.I2c;
using Kiosk.Edge.Climate;
using Kiosk.Edge.Climate.Sensors;
using Kiosk.Edge.Climate.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Climate.Sensors;

public sealed class ClimateSensorTests
{
    private readonly SimulatedAir _air = new() { Celsius = 41, Humidity = 60, Co2Ppm = 1800 };

    [Fact]
    public void SensirionCrc_DatasheetExample_0xBEEFIs0x92()
    {
        Assert.Equal(0x92, SensirionCrc.Compute([0xBE, 0xEF]));
    }

    [Fact]
    public void Read_EachSensorKind_ReadsTheAirThroughTheLibrary()
    {
        using var sht3x = new Sht3xSensor(() => new SimulatedSht3x(new I2cConnectionSettings(1, 0x44), _air));
        using var sht4x = new Sht4xSensor(() => new SimulatedSht4x(new I2cConnectionSettings(1, 0x44), _air));
        using var bme280 = new Bme280Sensor(() => new SimulatedBme280(new I2cConnectionSettings(1, 0x76), _air));

        foreach (var sensor in new ClimateSensor[] { sht3x, sht4x, bme280 })
        {
            var reading = sensor.Read();
            Assert.Equal(41.0, reading.Celsius!.Value, 1);
            Assert.Equal(60.0, reading.Humidity!.Value, 1);
        }
    }

    [Fact]
    public void Read_Sht3xCrcError_ReportsCrcErrorNotStaleValue()
    {
        using var sensor = new Sht3xSensor(() => new SimulatedSht3x(new I2cConnectionSettings(1, 0x44), _air));
        sensor.Read();
        _air.Fault = SimulatedSensorFault.CrcError;

        var e = Assert.Throws<ClimateSensorException>(() => sensor.Read());

        Assert.Equal(ClimateFault.CrcError, e.Fault);
    }

    [Fact]
    public void Read_Sht3xCrcErrorOnFirstReading_ReportsCrcErrorNotZero()
    {
        _air.Fault = SimulatedSensorFault.CrcError;
        using var sensor = new Sht3xSensor(() => new SimulatedSht3x(new I2cConnectionSettings(1, 0x44), _air));

        Assert.Equal(ClimateFault.CrcError, Assert.Throws<ClimateSensorException>(() => sensor.Read()).Fault);
    }

    [Fact]
    public void Read_Sht4xCrcError_ReportsCrcError()
    {
        _air.Fault = SimulatedSensorFault.CrcError;
        using var sensor = new Sht4xSensor(() => new SimulatedSht4x(new I2cConnectionSettings(1, 0x44), _air));

        Assert.Equal(ClimateFault.CrcError, Assert.Throws<ClimateSensorException>(() => sensor.Read()).Fault);
    }

    [Fact]
    public void Read_ChipStopsAnsweringThenReturns_NoAnswerThenRecovers()
    {
        var opened = 0;
        var chip = new SimulatedBme280(new I2cConnectionSettings(1, 0x76), _air);
        using var sensor = new Bme280Sensor(() =>
        {
            opened++;
            return chip;
        });
        sensor.Read();

        _air.Fault = SimulatedSensorFault.NoAnswer;
        Assert.Equal(ClimateFault.NoAnswer, Assert.Throws<ClimateSensorException>(() => sensor.Read()).Fault);
        _air.Fault = SimulatedSensorFault.None;
        _air.Celsius = 30;

        Assert.Equal(30.0, sensor.Read().Celsius!.Value, 1);
        Assert.Equal(2, opened);
    }

    [Fact]
    public void Read_NothingAtTheAddress_NoAnswer()
    {
        using var sensor = new Sht3xSensor(() => throw new IOException("no device at 0x44"));

        Assert.Equal(ClimateFault.NoAnswer, Assert.Throws<ClimateSensorException>(() => sensor.Read()).Fault);
    }

    [Fact]
    public void Read_Bme280RailValues_ImplausibleTemperature()
    {
        _air.Fault = SimulatedSensorFault.Implausible;
        using var sensor = new Bme280Sensor(() => new SimulatedBme280(new I2cConnectionSettings(1, 0x76), _air));

        var reading = sensor.Read();

        Assert.True(reading.Celsius is null or > 85 or < -40, $"{reading.Celsius}");
    }

    [Fact]
    public void Read_Scd4x_FirstMeasurementAfterOnePeriodThenCached()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 20, 13, 0, 0, TimeSpan.Zero));
        var chip = new SimulatedScd4x(new I2cConnectionSettings(1, 0x62), _air);
        using var sensor = new Scd4xSensor(() => chip, time);

        Assert.Null(sensor.Read().Co2Ppm); // warming up: the chip's first period has not passed
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1800, sensor.Read().Co2Ppm);

        _air.Co2Ppm = 900;
        Assert.Equal(1800, sensor.Read().Co2Ppm); // same period: the last measurement
        Assert.Single(chip.Commands, c => c == 0xEC05);
    }
}
