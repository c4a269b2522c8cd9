namespace Kiosk.Edge.Climate.Simulation;

/// <summary>A fault the simulated air sensors of a cabin play.</summary>
internal enum SimulatedSensorFault
{
    None,

    /// <summary>Every transfer fails as a NACK would.</summary>
    NoAnswer,

    /// <summary>The Sensirion chips send words with a wrong CRC-8 (the BME280 has none: it sends rail values).</summary>
    CrcError,

    /// <summary>The chips send their rail values (a broken sensing element): e.g. 130 °C from an SHT3x.</summary>
    Implausible,
}
