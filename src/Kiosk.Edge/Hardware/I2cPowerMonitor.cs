using System.Device.I2c;
using Kiosk.Edge.Power;

namespace Kiosk.Edge.Hardware;

/// <summary>
/// What the TI INA2xx current/power monitors share: configure on first use, re-check the
/// calibration register on every sample (a brown-out resets it to 0, which silently reads 0 A), and
/// turn a bus error into a <see cref="MeterFault.NoAnswer"/> fault that reconfigures next time.
/// Each chip's driver supplies its configuration and its sample.
/// </summary>
internal abstract class I2cPowerMonitor(I2cDevice device, string chip, byte calibrationRegister, ushort calibration) : PowerMeter
{
    private bool _configured;

    /// <summary>Bus voltage of the last reading, in volts.</summary>
    public double BusVolts { get; protected set; }

    /// <summary>Current of the last reading, in amperes (negative when it flows backwards).</summary>
    public double Amps { get; protected set; }

    /// <summary>The chip's conversion-ready flag at the last reading.</summary>
    public bool ConversionReady { get; protected set; }

    public sealed override MeterReading Read()
    {
        try
        {
            EnsureConfigured();
            return Sample();
        }
        catch (IOException e)
        {
            _configured = false;
            throw new PowerMeterException(MeterFault.NoAnswer, $"{chip} does not answer.", e);
        }
    }

    /// <summary>Reads one sample from a configured chip.</summary>
    protected abstract MeterReading Sample();

    /// <summary>Writes the configuration and calibration registers (after any identity check).</summary>
    protected abstract void Configure();

    protected ushort ReadRegister(byte register) => I2cRegisters.ReadUInt16(device, register);

    protected void WriteRegister(byte register, ushort value) => I2cRegisters.WriteUInt16(device, register, value);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            device.Dispose();
        }
    }

    private void EnsureConfigured()
    {
        if (_configured)
        {
            if (ReadRegister(calibrationRegister) == calibration)
            {
                return;
            }

            _configured = false;
            Configure();
            _configured = true;
            throw new PowerMeterException(MeterFault.NoAnswer, $"{chip} lost its calibration (reset or brown-out); reconfigured.");
        }

        Configure();
        _configured = true;
    }
}
