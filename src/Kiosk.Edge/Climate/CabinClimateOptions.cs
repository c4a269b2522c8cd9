using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Climate;

/// <summary>One cabin's air sensors (<c>Climate:Cabins:{id}</c>); the id is a cabin of <c>Doors:Cabins</c>.</summary>
public sealed class CabinClimateOptions
{
    /// <summary>The temperature/humidity sensor: Sht3x, Sht4x or Bme280.</summary>
    public ClimateSensorKind Sensor { get; set; } = ClimateSensorKind.Sht3x;

    /// <summary>I2C bus number of the sensor (/dev/i2c-N).</summary>
    [Range(0, 15)]
    public int Bus { get; set; } = 1;

    /// <summary>7-bit I2C address, a decimal number in JSON (68 is 0x44, not the RTC's 0x68): SHT3x 0x44/0x45 (68/69), SHT4x 0x44-0x46 (68-70), BME280 0x76/0x77 (118/119).</summary>
    [Range(0x03, 0x77)]
    public int Address { get; set; } = 0x44;

    /// <summary>I2C address of an optional Sensirion SCD4x CO2 sensor (0x62 = 98) on the same bus; none means no CO2 reading.</summary>
    [Range(0x03, 0x77)]
    public int? Co2Address { get; set; }

    /// <summary>The power circuit of the cabin's air conditioner (a key of <c>Power:Circuits</c>), for climate.aircon_ineffective.</summary>
    public string? AirconCircuit { get; set; }
}
