namespace Kiosk.Edge.Hardware.Ina219;

/// <summary>INA219 register pointer addresses (datasheet SBOS448, table 2).</summary>
internal enum Ina219Register : byte
{
    Configuration = 0x00,
    ShuntVoltage = 0x01,
    BusVoltage = 0x02,
    Power = 0x03,
    Current = 0x04,
    Calibration = 0x05,
}
