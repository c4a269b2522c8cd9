namespace Kiosk.Edge.Power;

public enum MeterKind
{
    /// <summary>TI INA219 current/power monitor on I2C.</summary>
    Ina219,

    /// <summary>TI INA226 current/power monitor on I2C.</summary>
    Ina226,

    /// <summary>S0 pulse output (DIN 43864) of a DIN-rail kWh meter, counted on a GPIO line.</summary>
    S0,

    /// <summary>A scripted load for development (simulated board only).</summary>
    Simulated,
}
