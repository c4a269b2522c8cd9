using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Power;

/// <summary>One meter channel. Which keys apply depends on <see cref="Kind"/>.</summary>
public sealed class MeterOptions
{
    /// <summary>The meter: Ina219 or Ina226 (I2C), S0 (pulse output of a DIN-rail kWh meter), or Simulated (simulated board only).</summary>
    public MeterKind Kind { get; set; } = MeterKind.Simulated;

    /// <summary>INA219/INA226: I2C bus number (/dev/i2c-N).</summary>
    [Range(0, 15)]
    public int Bus { get; set; } = 1;

    /// <summary>INA219/INA226: 7-bit I2C address, 0x40..0x4F (64..79) set by the A0/A1 straps.</summary>
    [Range(0x40, 0x4F)]
    public int Address { get; set; } = 0x40;

    /// <summary>INA219/INA226: shunt resistance in ohms.</summary>
    [Range(0.00001, 10.0)]
    public double ShuntOhms { get; set; } = 0.1;

    /// <summary>INA219/INA226: maximum expected current; sets the current LSB (MaxCurrent/32768).</summary>
    [Range(0.001, 1000.0)]
    public double MaxCurrentAmps { get; set; } = 3.2;

    /// <summary>INA219: 1..128, INA226: 1, 4, 16, 64, 128, 256, 512 or 1024 samples averaged per conversion.</summary>
    [Range(1, 1024)]
    public int Averages { get; set; } = 16;

    /// <summary>S0: GPIO line (BCM numbering) the meter's S0 output pulls.</summary>
    [Range(0, 63)]
    public int? Pin { get; set; }

    /// <summary>S0: the meter's constant (imp/kWh), printed on its face.</summary>
    [Range(1, 100_000)]
    public int ImpulsesPerKwh { get; set; } = 1000;

    /// <summary>S0: pulses shorter than this are contact bounce (DIN 43864 pulses last at least 30 ms).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan MinPulseWidth { get; set; } = TimeSpan.FromMilliseconds(30);

    /// <summary>S0: the output pulls the line low during a pulse (open collector to a pulled-up input).</summary>
    public bool PulseActiveLow { get; set; } = true;

    /// <summary>Above this the reading is physically impossible for the installation (a sensor fault).</summary>
    [Range(1.0, 1_000_000.0)]
    public double MaxWatts { get; set; } = 10_000;

    /// <summary>Negative readings down to minus this are noise around zero; below it a sensor fault.</summary>
    [Range(0.0, 1000.0)]
    public double NoiseWatts { get; set; } = 5;

    /// <summary>Simulated: the load script (the last step reached holds). Empty means 0 W until <c>sim.load</c>.</summary>
    [Microsoft.Extensions.Options.ValidateEnumeratedItems]
    public List<LoadStepOptions> Script { get; set; } = [];

    /// <summary>Simulated INA219/INA226 on the simulated board: the bus voltage the simulated chip sees.</summary>
    [Range(0.0, 36.0)]
    public double SimulatedBusVolts { get; set; } = 24;
}
