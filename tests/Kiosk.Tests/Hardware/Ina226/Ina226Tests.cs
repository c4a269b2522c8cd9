using System.Device.I2c;
using Kiosk.Edge.Hardware.Ina226;
using Kiosk.Edge.Power;

namespace Kiosk.Tests.Hardware.Ina226;

public sealed class Ina226Tests
{
    private const double Shunt = 0.002;
    private const double MaxAmps = 20;
    private const double CurrentLsb = MaxAmps / 32768; // 610.35 uA

    private static RegisterFileDevice Genuine()
    {
        var chip = new RegisterFileDevice();
        chip[Ina226Register.ManufacturerId] = 0x5449;
        chip[Ina226Register.DieId] = 0x2260;
        return chip;
    }

    [Fact]
    public void Read_FirstTime_ChecksIdsThenWritesConfigurationAndCalibration()
    {
        var chip = Genuine();
        using var ina = new Edge.Hardware.Ina226.Ina226(chip, Shunt, MaxAmps, averages: 16);

        ina.Read();

        // Cal = trunc(0.00512 / (610.35e-6 x 0.002)) = trunc(4194.304) = 4194.
        // Config: 0100 (reserved) | AVG 16 = 010 | VBUSCT 1.1 ms = 100 | VSHCT 1.1 ms = 100 | MODE 111 = 0x4527.
        Assert.Equal([(0x00, (ushort)0x4527), (0x05, (ushort)4194)], chip.Writes);
    }

    [Theory]
    [InlineData(1, 0x4127)] // the power-on default
    [InlineData(4, 0x4327)]
    [InlineData(1024, 0x4F27)]
    public void Calibration_Averaging_SetsAvgBits(int averages, int config) =>
        Assert.Equal((ushort)config, Ina226Calibration.For(Shunt, MaxAmps, averages).Configuration);

    [Theory]
    [InlineData(0.01, 10.0, 16)] // 100 mV: beyond 81.92 mV
    [InlineData(0.002, 20.0, 8)] // 8 is not an averaging mode
    [InlineData(0.0001, 0.01, 16)] // calibration beyond 15 bits
    public void Check_ImpossibleSetting_Explains(double shunt, double maxAmps, int averages) =>
        Assert.NotNull(Ina226Calibration.Check(shunt, maxAmps, averages));

    [Fact]
    public void Read_WrongDieId_WrongDeviceFaultAndWritesNothing()
    {
        var chip = Genuine();
        chip[Ina226Register.DieId] = 0x2270; // an INA228-era part at the same address
        using var ina = new Edge.Hardware.Ina226.Ina226(chip, Shunt, MaxAmps);

        var e = Assert.Throws<PowerMeterException>(() => ina.Read());

        Assert.Equal(MeterFault.WrongDevice, e.Fault);
        Assert.Contains("0x2270", e.Message, StringComparison.Ordinal);
        Assert.Empty(chip.Writes);
    }

    [Fact]
    public void Read_WrongManufacturer_WrongDeviceFault()
    {
        var chip = Genuine();
        chip[Ina226Register.ManufacturerId] = 0x0000;
        using var ina = new Edge.Hardware.Ina226.Ina226(chip, Shunt, MaxAmps);

        Assert.Equal(MeterFault.WrongDevice, Assert.Throws<PowerMeterException>(() => ina.Read()).Fault);
    }

    [Fact]
    public void Read_RawRegisters_ConvertedWithDatasheetLsbs()
    {
        var chip = Genuine();
        chip[Ina226Register.BusVoltage] = 19200; // x 1.25 mV = 24 V
        chip[Ina226Register.Power] = 15726; // x 25 x Current_LSB
        chip[Ina226Register.Current] = 16382;
        chip[Ina226Register.ShuntVoltage] = 8000; // x 2.5 uV = 20 mV
        chip[Ina226Register.MaskEnable] = 0x0008; // CVRF
        using var ina = new Edge.Hardware.Ina226.Ina226(chip, Shunt, MaxAmps);

        var reading = ina.Read();

        Assert.Equal(24.0, ina.BusVolts, precision: 9);
        Assert.Equal(16382 * CurrentLsb, ina.Amps, precision: 9);
        Assert.Equal(15726 * 25 * CurrentLsb, reading.Watts, precision: 9);
        Assert.True(ina.ConversionReady);
        Assert.Equal(0.02, ina.ReadShuntVolts(), precision: 9);
    }

    [Fact]
    public void Read_NegativeCurrent_NegativeWatts()
    {
        var chip = Genuine();
        chip[Ina226Register.BusVoltage] = 19200;
        chip[Ina226Register.Power] = 1000;
        chip[Ina226Register.Current] = unchecked((ushort)(short)-1000);
        using var ina = new Edge.Hardware.Ina226.Ina226(chip, Shunt, MaxAmps);

        Assert.Equal(-1000 * 25 * CurrentLsb, ina.Read().Watts, precision: 9);
    }

    [Fact]
    public void Read_OverflowFlagInMaskEnable_OverflowFault()
    {
        var chip = Genuine();
        chip[Ina226Register.MaskEnable] = 0x000C; // CVRF and OVF
        using var ina = new Edge.Hardware.Ina226.Ina226(chip, Shunt, MaxAmps);

        Assert.Equal(MeterFault.Overflow, Assert.Throws<PowerMeterException>(() => ina.Read()).Fault);
    }

    [Fact]
    public void Read_SimulatedChipWithLoad_MeasuresPowerWithinResolution()
    {
        var chip = new SimulatedIna226(new I2cConnectionSettings(1, 0x41), Shunt, () => 10.0, busVolts: 24);
        using var ina = new Edge.Hardware.Ina226.Ina226(chip, Shunt, MaxAmps);

        var reading = ina.Read();

        Assert.Equal(240.0, reading.Watts, tolerance: 0.1);
        Assert.Equal(24.0, ina.BusVolts, precision: 9);
        Assert.Equal(4194, chip[Ina226Register.Calibration]);
    }

    [Fact]
    public void Read_ConversionReady_CvrfClearedByReadingMaskEnable()
    {
        var chip = new SimulatedIna226(new I2cConnectionSettings(1, 0x41), Shunt, () => 10.0) { AutoConvert = false };
        using var ina = new Edge.Hardware.Ina226.Ina226(chip, Shunt, MaxAmps);
        ina.Read(); // configures

        chip.Convert();
        ina.Read();
        Assert.True(ina.ConversionReady);
        ina.Read();
        Assert.False(ina.ConversionReady);
    }

    [Fact]
    public void Read_SimulatedCurrentBeyondCalibratedRange_OverflowFault()
    {
        // Calibrated for 5 A; 30 A stays within the 81.92 mV ADC range (60 mV) but not the current register.
        var chip = new SimulatedIna226(new I2cConnectionSettings(1, 0x41), Shunt, () => 30.0);
        using var ina = new Edge.Hardware.Ina226.Ina226(chip, Shunt, maxCurrentAmps: 5);

        Assert.Equal(MeterFault.Overflow, Assert.Throws<PowerMeterException>(() => ina.Read()).Fault);
    }

    [Fact]
    public void Read_ChipResetByBrownOut_ReconfiguresAndReportsOnce()
    {
        var chip = new SimulatedIna226(new I2cConnectionSettings(1, 0x41), Shunt, () => 10.0);
        using var ina = new Edge.Hardware.Ina226.Ina226(chip, Shunt, MaxAmps);
        ina.Read();

        chip.Reset();

        Assert.Equal(MeterFault.NoAnswer, Assert.Throws<PowerMeterException>(() => ina.Read()).Fault);
        Assert.Equal(0x4527, chip[Ina226Register.Configuration]);
        Assert.Equal(240.0, ina.Read().Watts, tolerance: 0.1);
    }

    [Fact]
    public void Read_NoAcknowledge_NoAnswerFault()
    {
        var chip = new SimulatedIna226(new I2cConnectionSettings(1, 0x41), Shunt, () => 1.0) { Responding = false };
        using var ina = new Edge.Hardware.Ina226.Ina226(chip, Shunt, MaxAmps);

        Assert.Equal(MeterFault.NoAnswer, Assert.Throws<PowerMeterException>(() => ina.Read()).Fault);
    }
}
