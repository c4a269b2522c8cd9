using System.Device.I2c;
using Kiosk.Edge.Power;

namespace Kiosk.Edge.Hardware.Ina226;

/// <summary>
/// TI INA226 high-side/low-side current/power monitor on I2C, as a power meter.
/// Datasheet: https://www.ti.com/lit/ds/symlink/ina226.pdf
/// Checks the manufacturer and die id before configuring, so a different chip strapped to the same
/// address is reported instead of misread; overflow comes from the Mask/Enable register.
/// </summary>
internal sealed class Ina226 : I2cPowerMonitor
{
    private const ushort ConversionReadyFlag = 0x0008; // CVRF, Mask/Enable bit 3
    private const ushort OverflowFlag = 0x0004; // OVF, Mask/Enable bit 2

    private readonly Ina226Calibration _calibration;

    public Ina226(I2cDevice device, double shuntOhms, double maxCurrentAmps, int averages = 16)
        : this(device, Ina226Calibration.For(shuntOhms, maxCurrentAmps, averages))
    {
    }

    private Ina226(I2cDevice device, Ina226Calibration calibration)
        : base(device, "INA226", (byte)Ina226Register.Calibration, calibration.Calibration)
    {
        _calibration = calibration;
    }

    public Ina226Calibration Calibration => _calibration;

    protected override MeterReading Sample()
    {
        // Reading Mask/Enable clears CVRF: one read per sample tells whether a conversion completed since.
        var flags = ReadRegister(Ina226Register.MaskEnable);
        if ((flags & OverflowFlag) != 0)
        {
            throw new PowerMeterException(MeterFault.Overflow, "INA226 math overflow: the current exceeds the calibrated range.");
        }

        ConversionReady = (flags & ConversionReadyFlag) != 0;
        BusVolts = (ReadRegister(Ina226Register.BusVoltage) & 0x7FFF) * Ina226Calibration.BusVoltLsb;
        var power = ReadRegister(Ina226Register.Power) * _calibration.PowerLsb;
        Amps = (short)ReadRegister(Ina226Register.Current) * _calibration.CurrentLsb;
        return new MeterReading(Amps < 0 ? -power : power);
    }

    /// <summary>Shunt voltage in volts (diagnostics).</summary>
    public double ReadShuntVolts() => (short)ReadRegister(Ina226Register.ShuntVoltage) * Ina226Calibration.ShuntVoltLsb;

    protected override void Configure()
    {
        var manufacturer = ReadRegister(Ina226Register.ManufacturerId);
        var die = ReadRegister(Ina226Register.DieId);
        if (manufacturer != Ina226Calibration.ManufacturerId || die != Ina226Calibration.DieId)
        {
            throw new PowerMeterException(
                MeterFault.WrongDevice,
                $"Not an INA226: manufacturer id 0x{manufacturer:X4} (expected 0x5449), die id 0x{die:X4} (expected 0x2260).");
        }

        WriteRegister((byte)Ina226Register.Configuration, _calibration.Configuration);
        WriteRegister((byte)Ina226Register.Calibration, _calibration.Calibration);
    }

    private ushort ReadRegister(Ina226Register register) => ReadRegister((byte)register);
}
