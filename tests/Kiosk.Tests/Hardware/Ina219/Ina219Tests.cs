using System.Device.I2c;
using Kiosk.Edge.Hardware.Ina219;
using Kiosk.Edge.Power;

namespace Kiosk.Tests.Hardware.Ina219;

public sealed class Ina219Tests
{
    // Datasheet example scale: 0.1 ohm shunt, 3.2 A maximum expected current.
    private const double Shunt = 0.1;
    private const double MaxAmps = 3.2;
    private const double CurrentLsb = MaxAmps / 32768; // 97.65625 uA

    [Fact]
    public void Read_FirstTime_WritesConfigurationThenCalibration()
    {
        var chip = new RegisterFileDevice();
        using var ina = new Edge.Hardware.Ina219.Ina219(chip, Shunt, MaxAmps, averages: 1);

        ina.Read();

        // Cal = trunc(0.04096 / (97.65625e-6 * 0.1)) = trunc(4194.304) = 4194.
        // Config: BRNG=32 V, PGA /8 (320 mV >= 3.2 A x 0.1 ohm), 12-bit single samples, continuous shunt+bus = 0x399F.
        Assert.Equal([(0x00, (ushort)0x399F), (0x05, (ushort)4194)], chip.Writes);
    }

    [Theory]
    [InlineData(0.01, 3.2, 1, 0x219F)] // 32 mV: PGA /1
    [InlineData(0.02, 3.2, 1, 0x299F)] // 64 mV: PGA /2
    [InlineData(0.1, 3.2, 16, 0x3E67)] // 16 samples averaged: BADC = SADC = 1100
    [InlineData(0.1, 3.2, 128, 0x3FFF)] // 128 samples: 1111
    public void Calibration_ShuntAndAveraging_SelectsPgaAndAdcBits(double shunt, double maxAmps, int averages, int config) =>
        Assert.Equal((ushort)config, Ina219Calibration.For(shunt, maxAmps, averages).Configuration);

    [Fact]
    public void Calibration_OddValue_ClearsVoidBitZero()
    {
        // 0.04096 / (1/32768 * 0.1) = 13421.77 -> 13421, odd; bit 0 does not exist in the register.
        Assert.Equal(13420, Ina219Calibration.For(0.1, 1.0, 1).Calibration);
    }

    [Theory]
    [InlineData(0.1, 4.0)] // 400 mV: beyond the 320 mV range
    [InlineData(0.1, 0.0001)] // calibration would not fit 16 bits
    public void Check_ImpossibleShuntOrCurrent_Explains(double shunt, double maxAmps) =>
        Assert.NotNull(Ina219Calibration.Check(shunt, maxAmps, 1));

    [Fact]
    public void Read_RawRegisters_ConvertedWithDatasheetLsbs()
    {
        var chip = new RegisterFileDevice();
        chip[Ina219Register.BusVoltage] = (3000 << 3) | 0b10; // 3000 x 4 mV = 12 V, CNVR set
        chip[Ina219Register.Power] = 12288; // x 20 x Current_LSB
        chip[Ina219Register.Current] = 20480;
        chip[Ina219Register.ShuntVoltage] = 20000; // x 10 uV
        using var ina = new Edge.Hardware.Ina219.Ina219(chip, Shunt, MaxAmps);

        var reading = ina.Read();

        Assert.Equal(12.0, ina.BusVolts, precision: 9);
        Assert.Equal(20480 * CurrentLsb, ina.Amps, precision: 9);
        Assert.Equal(12288 * 20 * CurrentLsb, reading.Watts, precision: 9);
        Assert.True(ina.ConversionReady);
        Assert.Null(reading.WattHours);
        Assert.Equal(0.2, ina.ReadShuntVolts(), precision: 9);
    }

    [Fact]
    public void Read_NegativeCurrentRegister_NegativeWatts()
    {
        var chip = new RegisterFileDevice();
        chip[Ina219Register.BusVoltage] = 3000 << 3;
        chip[Ina219Register.Power] = 100;
        chip[Ina219Register.Current] = unchecked((ushort)(short)-2000);
        using var ina = new Edge.Hardware.Ina219.Ina219(chip, Shunt, MaxAmps);

        var reading = ina.Read();

        Assert.Equal(-2000 * CurrentLsb, ina.Amps, precision: 9);
        Assert.Equal(-100 * 20 * CurrentLsb, reading.Watts, precision: 9);
        Assert.False(ina.ConversionReady);
    }

    [Fact]
    public void Read_OverflowFlag_ThrowsOverflowFault()
    {
        var chip = new RegisterFileDevice();
        chip[Ina219Register.BusVoltage] = (3000 << 3) | 0b11; // CNVR and OVF
        using var ina = new Edge.Hardware.Ina219.Ina219(chip, Shunt, MaxAmps);

        var e = Assert.Throws<PowerMeterException>(() => ina.Read());

        Assert.Equal(MeterFault.Overflow, e.Fault);
    }

    [Fact]
    public void Read_SimulatedChipWithLoad_MeasuresPowerWithinResolution()
    {
        var amps = 2.0;
        var chip = new SimulatedIna219(new I2cConnectionSettings(1, 0x40), Shunt, () => amps, busVolts: 12);
        using var ina = new Edge.Hardware.Ina219.Ina219(chip, Shunt, MaxAmps);

        var reading = ina.Read();

        Assert.Equal(24.0, reading.Watts, tolerance: 0.05);
        Assert.Equal(2.0, ina.Amps, tolerance: 0.001);
        Assert.Equal(12.0, ina.BusVolts, precision: 9);
        Assert.Equal(4194, chip[Ina219Register.Calibration]);
    }

    [Fact]
    public void Read_SimulatedCurrentBeyondCalibratedRange_SetsOvfAndFaults()
    {
        // Calibrated for 1 A on a 160 mV range: 1.5 A still fits the ADC but not the current register.
        var chip = new SimulatedIna219(new I2cConnectionSettings(1, 0x40), Shunt, () => 1.5, busVolts: 12);
        using var ina = new Edge.Hardware.Ina219.Ina219(chip, Shunt, maxCurrentAmps: 1.0);

        Assert.Equal(MeterFault.Overflow, Assert.Throws<PowerMeterException>(() => ina.Read()).Fault);
    }

    [Fact]
    public void Read_ChipDoesNotAcknowledge_NoAnswerFault()
    {
        var chip = new SimulatedIna219(new I2cConnectionSettings(1, 0x40), Shunt, () => 1, busVolts: 12) { Responding = false };
        using var ina = new Edge.Hardware.Ina219.Ina219(chip, Shunt, MaxAmps);

        var e = Assert.Throws<PowerMeterException>(() => ina.Read());

        Assert.Equal(MeterFault.NoAnswer, e.Fault);
        Assert.IsType<IOException>(e.InnerException);
    }

    [Fact]
    public void Read_ChipResetByBrownOut_ReconfiguresAndReportsOnce()
    {
        var chip = new SimulatedIna219(new I2cConnectionSettings(1, 0x40), Shunt, () => 1, busVolts: 12);
        using var ina = new Edge.Hardware.Ina219.Ina219(chip, Shunt, MaxAmps);
        ina.Read();

        chip.Reset(); // calibration back to 0: the chip would now read 0 A

        Assert.Equal(MeterFault.NoAnswer, Assert.Throws<PowerMeterException>(() => ina.Read()).Fault);
        Assert.Equal(4194, chip[Ina219Register.Calibration]);
        Assert.Equal(12.0, ina.Read().Watts, tolerance: 0.05);
    }
}
