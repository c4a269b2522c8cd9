namespace Kiosk.Edge.Hardware.Ina219;

/// <summary>
/// INA219 scaling from the shunt and the maximum expected current (datasheet section 8.5.1):
/// Current_LSB = MaxCurrent / 32768, Cal = trunc(0.04096 / (Current_LSB * Rshunt)), Power_LSB = 20 * Current_LSB.
/// </summary>
internal readonly record struct Ina219Calibration(double CurrentLsb, ushort Calibration, ushort Configuration)
{
    /// <summary>Bus voltage register LSB: 4 mV (bits 15..3).</summary>
    public const double BusVoltLsb = 0.004;

    /// <summary>Shunt voltage register LSB: 10 uV.</summary>
    public const double ShuntVoltLsb = 0.00001;

    /// <summary>Shunt voltage full scale of each PGA setting (gain /1, /2, /4, /8).</summary>
    private static readonly double[] PgaRange = [0.04, 0.08, 0.16, 0.32];

    public double PowerLsb => 20 * CurrentLsb;

    public static Ina219Calibration For(double shuntOhms, double maxCurrentAmps, int averages)
    {
        if (Check(shuntOhms, maxCurrentAmps, averages) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var currentLsb = maxCurrentAmps / 32768;
        // Bit 0 of the calibration register is void (always reads 0): clear it so read-back matches.
        var cal = (ushort)((int)Math.Truncate(0.04096 / (currentLsb * shuntOhms)) & 0xFFFE);
        var pga = Array.FindIndex(PgaRange, r => r >= ShuntVolts(shuntOhms, maxCurrentAmps));
        var adc = averages == 1 ? 0b0011 : 0b1000 | int.Log2(averages);
        var config = (1 << 13) // BRNG: 32 V bus range
            | (pga << 11)
            | (adc << 7) // BADC
            | (adc << 3) // SADC
            | 0b111; // MODE: shunt and bus, continuous
        return new Ina219Calibration(currentLsb, cal, (ushort)config);
    }

    /// <summary>Null when the chip can measure this shunt and current, else what is wrong (for start-up validation).</summary>
    public static string? Check(double shuntOhms, double maxCurrentAmps, int averages)
    {
        if (shuntOhms <= 0 || maxCurrentAmps <= 0)
        {
            return "ShuntOhms and MaxCurrentAmps must be positive.";
        }

        if (ShuntVolts(shuntOhms, maxCurrentAmps) > PgaRange[^1])
        {
            return $"MaxCurrentAmps x ShuntOhms = {maxCurrentAmps * shuntOhms * 1000:0.#} mV exceeds the INA219's 320 mV shunt range.";
        }

        var cal = Math.Truncate(0.04096 / (maxCurrentAmps / 32768 * shuntOhms));
        if (cal < 2 || cal > 0xFFFE)
        {
            return $"the INA219 calibration value {cal} for this shunt and MaxCurrentAmps is outside 2..65534; choose another MaxCurrentAmps.";
        }

        if (averages is < 1 or > 128 || !int.IsPow2(averages))
        {
            return "Averages must be 1, 2, 4, 8, 16, 32, 64 or 128 for an INA219.";
        }

        return null;
    }

    /// <summary>Full-scale shunt voltage, minus a rounding hair so 3.2 A x 0.1 ohm fits the 320 mV range it exactly fills.</summary>
    private static double ShuntVolts(double shuntOhms, double maxCurrentAmps) => maxCurrentAmps * shuntOhms * (1 - 1e-12);
}
