namespace Kiosk.Edge.Hardware.Ina226;

/// <summary>INA226 register pointer addresses (datasheet SBOS547, table 2).</summary>
internal enum Ina226Register : byte
{
    Configuration = 0x00,
    ShuntVoltage = 0x01,
    BusVoltage = 0x02,
    Power = 0x03,
    Current = 0x04,
    Calibration = 0x05,
    MaskEnable = 0x06,
    AlertLimit = 0x07,
    ManufacturerId = 0xFE,
    DieId = 0xFF,
}
