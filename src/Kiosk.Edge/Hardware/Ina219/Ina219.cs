using System.Device.I2c;
using Kiosk.Edge.Power;

namespace Kiosk.Edge.Hardware.Ina219;

/// <summary>
/// TI INA219 zero-drift bidirectional current/power monitor on I2C, as a power meter.
/// Datasheet: https://www.ti.com/lit/ds/symlink/ina219.pdf
/// Configured for the 32 V bus range, the smallest PGA range that fits the shunt, continuous
/// conversions; power comes from the chip's own power register (signed by the current register).
/// </summary>
internal sealed class Ina219 : PowerMeter
{
    private const ushort OverflowFlag = 0x0001; // OVF, bus voltage register bit 0
    private const ushort ConversionReadyFlag = 0x0002; // CNVR, bus voltage register bit 1

    private readonly I2cDevice _device;
    private readonly Ina219Calibration _calibration;
    private bool _configured;

    public Ina219(I2cDevice device, double shuntOhms, double maxCurrentAmps, int averages = 1)
    {
        _device = device;
        _calibration = Ina219Calibration.For(shuntOhms, maxCurrentAmps, averages);
    }

    public Ina219Calibration Calibration => _calibration;

    /// <summary>Bus voltage of the last reading, in volts.</summary>
    public double BusVolts { get; private set; }

    /// <summary>Current of the last reading, in amperes (negative when it flows backwards).</summary>
    public double Amps { get; private set; }

    /// <summary>CNVR of the last reading: a conversion completed since the power register was last read.</summary>
    public bool ConversionReady { get; private set; }

    public override MeterReading Read()
    {
        try
        {
            EnsureConfigured();
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
        catch (IOException e)
        {
            _configured = false;
            throw new PowerMeterException(MeterFault.NoAnswer, "INA219 does not answer.", e);
        }
    }

    /// <summary>Shunt voltage in volts (diagnostics).</summary>
    public double ReadShuntVolts() => (short)ReadRegister(Ina219Register.ShuntVoltage) * Ina219Calibration.ShuntVoltLsb;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _device.Dispose();
        }
    }

    private void EnsureConfigured()
    {
        if (_configured)
        {
            // A brown-out resets the chip to calibration 0, which silently reads 0 A: catch it and reconfigure.
            if (ReadRegister(Ina219Register.Calibration) == _calibration.Calibration)
            {
                return;
            }

            _configured = false;
            Configure();
            throw new PowerMeterException(MeterFault.NoAnswer, "INA219 lost its calibration (reset or brown-out); reconfigured.");
        }

        Configure();
    }

    private void Configure()
    {
        I2cRegisters.WriteUInt16(_device, (byte)Ina219Register.Configuration, _calibration.Configuration);
        I2cRegisters.WriteUInt16(_device, (byte)Ina219Register.Calibration, _calibration.Calibration);
        _configured = true;
    }

    private ushort ReadRegister(Ina219Register register) => I2cRegisters.ReadUInt16(_device, (byte)register);
}
