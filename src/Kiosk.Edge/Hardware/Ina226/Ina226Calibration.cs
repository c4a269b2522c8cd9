namespace Kiosk.Edge.Hardware.Ina226;

/// <summary>
/// INA226 scaling (datasheet section 7.5): Current_LSB = MaxCurrent / 32768,
/// Cal = trunc(0.00512 / (Current_LSB * Rshunt)) (15 bits), Power_LSB = 25 * Current_LSB.
/// </summary>
internal readonly record struct Ina226Calibration(double CurrentLsb, ushort Calibration, ushort Configuration)
{
    public const ushort ManufacturerId = 0x5449; // "TI"

    /// <summary>Die id register: bits 15..4 die id 0x226, bits 3..0 revision 0.</summary>
    public const ushort DieId = 0x2260;

    /// <summary>Bus voltage register LSB: 1.25 mV.</summary>
    public const double BusVoltLsb = 0.00125;

    /// <summary>Shunt voltage register LSB: 2.5 uV; full scale 81.92 mV.</summary>
    public const double ShuntVoltLsb = 0.0000025;

    public const double ShuntRange = 0.08192;

    private static readonly int[] AveragingModes = [1, 4, 16, 64, 128, 256, 512, 1024];

    public double PowerLsb => 25 * CurrentLsb;

    public static Ina226Calibration For(double shuntOhms, double maxCurrentAmps, int averages)
    {
        if (Check(shuntOhms, maxCurrentAmps, averages) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var currentLsb = maxCurrentAmps / 32768;
        var cal = (ushort)Math.Truncate(0.00512 / (currentLsb * shuntOhms));
        const int conversion1100us = 0b100;
        var config = (0b100 << 12) // bits 14..12 reserved, read as 100
            | (Array.IndexOf(AveragingModes, averages) << 9) // AVG
            | (conversion1100us << 6) // VBUSCT
            | (conversion1100us << 3) // VSHCT
            | 0b111; // MODE: shunt and bus, continuous
        return new Ina226Calibration(currentLsb, cal, (ushort)config);
    }

    /// <summary>Null when the chip can measure this shunt and current, else what is wrong (for start-up validation).</summary>
    public static string? Check(double shuntOhms, double maxCurrentAmps, int averages)
    {
        if (shuntOhms <= 0 || maxCurrentAmps <= 0)
        {
            return "ShuntOhms and MaxCurrentAmps must be positive.";
        }

        if (maxCurrentAmps * shuntOhms * (1 - 1e-12) > ShuntRange)
        {
            return $"MaxCurrentAmps x ShuntOhms = {maxCurrentAmps * shuntOhms * 1000:0.##} mV exceeds the INA226's 81.92 mV shunt range.";
        }

        var cal = Math.Truncate(0.00512 / (maxCurrentAmps / 32768 * shuntOhms));
        if (cal < 1 || cal > 0x7FFF)
        {
            return $"the INA226 calibration value {cal} for this shunt and MaxCurrentAmps is outside 1..32767; choose another MaxCurrentAmps.";
        }

        if (Array.IndexOf(AveragingModes, averages) < 0)
        {
            return "Averages must be 1, 4, 16, 64, 128, 256, 512 or 1024 for an INA226.";
        }

        return null;
    }
}
