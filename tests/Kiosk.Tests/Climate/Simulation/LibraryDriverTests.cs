using System.Device.I2c;
using Iot.Device.Bmxx80;
using Iot.Device.Scd4x;
using Iot.Device.Sht3x;
using Iot.Device.Sht4x;
using Kiosk.Edge.Climate.Simulation;

namespace Kiosk.Tests.Climate.Simulation;

/// <summary>The Iot.Device.Bindings drivers, unmodified, read the simulated chips' registers and command frames.</summary>
public sealed class LibraryDriverTests
{
    private readonly SimulatedAir _air = new() { Celsius = 41, Humidity = 60, Co2Ppm = 1800 };

    [Fact]
    public void Sht3x_SimulatedChip_LibraryReadsTemperatureAndHumidity()
    {
        var chip = new SimulatedSht3x(new I2cConnectionSettings(1, 0x44), _air);
        using var sht = new Sht3x(chip, Resolution.High);

        Assert.Equal(41.0, sht.Temperature.DegreesCelsius, 1);
        Assert.Equal(60.0, sht.Humidity.Percent, 1);
        // Soft reset, then one single shot (high repeatability, no clock stretching) per property read.
        Assert.Equal([(ushort)0x30A2, (ushort)0x2400, (ushort)0x2400], chip.Commands);
    }

    [Fact]
    public void Sht4x_SimulatedChip_LibraryReadsTemperatureAndHumidity()
    {
        _air.Celsius = -5.25;
        var chip = new SimulatedSht4x(new I2cConnectionSettings(1, 0x44), _air);
        using var sht = new Sht4x(chip);

        var (humidity, temperature) = sht.ReadHumidityAndTemperature(Sht4xRepeatability.High);

        Assert.Equal(-5.25, temperature!.Value.DegreesCelsius, 2);
        Assert.Equal(60.0, humidity!.Value.Percent, 2);
        Assert.Equal([(ushort)0x94, (ushort)0xFD], chip.Commands);
    }

    [Theory]
    [InlineData(41.0, 60.0)]
    [InlineData(24.3, 35.5)]
    [InlineData(-10.0, 90.0)]
    public void Bme280_SimulatedRegisters_LibraryCompensatesToTheAir(double celsius, double humidity)
    {
        _air.Celsius = celsius;
        _air.Humidity = humidity;
        var chip = new SimulatedBme280(new I2cConnectionSettings(1, 0x76), _air);
        using var bme = new Bme280(chip);

        var result = bme.Read();

        Assert.Equal(celsius, result.Temperature!.Value.DegreesCelsius, 0.01);
        Assert.Equal(humidity, result.Humidity!.Value.Percent, 0.1);
        Assert.NotNull(result.Pressure);
    }

    [Fact]
    public void Bme280_OtherChipAtAddress_LibraryRefusesIt()
    {
        var chip = new SimulatedBme280(new I2cConnectionSettings(1, 0x76), _air);
        chip.Write([0xE0, 0xB6]); // reset keeps id 0x60: a BMP280 would answer 0x58, tested through a wrong id below

        Assert.Equal(0x60, chip[0xD0]);
        Assert.Throws<IOException>(() => new Bmp280(chip));
    }

    [Fact]
    public void Scd4x_SimulatedChip_LibraryReadsPeriodicMeasurement()
    {
        var chip = new SimulatedScd4x(new I2cConnectionSettings(1, 0x62), _air);
        using var scd = new Scd4x(chip);

        // The library waits (wall clock) for the chip's first 5 s period.
        var (co2, humidity, temperature) = scd.ReadPeriodicMeasurement();

        Assert.Equal(1800, co2!.Value.PartsPerMillion, 0);
        Assert.Equal(41.0, temperature!.Value.DegreesCelsius, 1);
        Assert.Equal(60.0, humidity!.Value.Percent, 1);
        Assert.Equal([(ushort)0x3F86, (ushort)0x3646, (ushort)0x21B1, (ushort)0xE4B8, (ushort)0xEC05], chip.Commands);
    }

    [Fact]
    public void Sht3x_CrcErrorAfterGoodReading_LibraryReturnsStaleValueSilently()
    {
        // Why Sht3xSensor checks the frames itself: the library drops a corrupt frame without a word.
        var chip = new SimulatedSht3x(new I2cConnectionSettings(1, 0x44), _air);
        using var sht = new Sht3x(chip, Resolution.High);
        Assert.Equal(41.0, sht.Temperature.DegreesCelsius, 1);

        _air.Celsius = 20;
        _air.Fault = SimulatedSensorFault.CrcError;

        Assert.Equal(41.0, sht.Temperature.DegreesCelsius, 1);
    }

    [Fact]
    public void Sht4x_CrcError_LibraryReturnsNull()
    {
        _air.Fault = SimulatedSensorFault.CrcError;
        using var sht = new Sht4x(new SimulatedSht4x(new I2cConnectionSettings(1, 0x44), _air));

        var (humidity, temperature) = sht.ReadHumidityAndTemperature();

        Assert.Null(humidity);
        Assert.Null(temperature);
    }

    [Fact]
    public void SimulatedChips_NoAnswer_EveryTransferFailsAsNack()
    {
        _air.Fault = SimulatedSensorFault.NoAnswer;

        Assert.Throws<IOException>(() => new Sht3x(new SimulatedSht3x(new I2cConnectionSettings(1, 0x44), _air)));
        Assert.Throws<IOException>(() => new Sht4x(new SimulatedSht4x(new I2cConnectionSettings(1, 0x44), _air)));
        Assert.Throws<IOException>(() => new Bme280(new SimulatedBme280(new I2cConnectionSettings(1, 0x76), _air)));
    }
}
