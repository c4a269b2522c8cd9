using System.Device.I2c;
using Kiosk.Edge.Power;

namespace Kiosk.Edge.Hardware.Ina219;

/// <summary>
/// TI INA219 zero-drift bidirectional current/power monitor on I2C, as a power meter.
/// Datasheet: https://www.ti.com/lit/ds/symlink/ina219.pdf
/// Configured for the 32 V bus range, the smallest PGA range that fits the shunt, continuous
/// conversions; power comes from the chip's own power register (signed by the current register).
/// </summary>
internal sealed class Ina219 : I2cPowerMonitor
{
    private const ushort OverflowFlag = 0x0001; // OVF, bus voltage register bit 0
    private const ushort ConversionReadyFlag = 0x0002; // CNVR, bus voltage register bit 1

    private readonly Ina219Calibration _calibration;

    public Ina219(I2cDevice device, double shuntOhms, double maxCurrentAmps, int averages = 1)
        : this(device, Ina219Calibration.For(shuntOhms, maxCurrentAmps, averages))
    {
    }

    private Ina219(I2cDevice device, Ina219Calibration calibration)
        : base(device, "INA219", (byte)Ina219Register.Calibration, calibration.Calibration)
    {
        _calibration = calibration;
    }

    public Ina219Calibration Calibration => _calibration;

    protected override MeterReading Sample()
    {
        var bus = ReadRegister(Ina219Register.BusVoltage);
        if ((bus & OverflowFlag) != 0)
        {
            throw new PowerMeterException(MeterFault.Overflow, "INA219 math overflow: the current exceeds the calibrated range.");
        }

        ConversionReady = (bus & ConversionReadyFlag) != 0;
        BusVolts = (bus >> 3) * Ina219Calibration.BusVoltLsb;
        // Reading the power register clears CNVR (datasheet 8.6.3.2).
        var power = ReadRegister(Ina219Register.Power) * _calibration.PowerLsb;
        Amps = (short)ReadRegister(Ina219Register.Current) * _calibration.CurrentLsb;
        return new MeterReading(Amps < 0 ? -power : power);
    }

    /// <summary>Shunt voltage in volts (diagnostics).</summary>
    public double ReadShuntVolts() => (short)ReadRegister(Ina219Register.ShuntVoltage) * Ina219Calibration.ShuntVoltLsb;

    protected override void Configure()
    {
        WriteRegister((byte)Ina219Register.Configuration, _calibration.Configuration);
        WriteRegister((byte)Ina219Register.Calibration, _calibration.Calibration);
    }

    private ushort ReadRegister(Ina219Register register) => ReadRegister((byte)register);
}
