namespace Kiosk.Edge.Climate;

/// <summary>The temperature and humidity sensor of a cabin, read through Iot.Device.Bindings.</summary>
public enum ClimateSensorKind
{
    /// <summary>Sensirion SHT30/SHT31/SHT35 (I2C 0x44 or 0x45), single-shot measurements with CRC-8.</summary>
    Sht3x,

    /// <summary>Sensirion SHT40/SHT41/SHT45 (I2C 0x44), with CRC-8.</summary>
    Sht4x,

    /// <summary>Bosch BME280 (I2C 0x76 or 0x77), forced mode with the datasheet's compensation.</summary>
    Bme280,
}
