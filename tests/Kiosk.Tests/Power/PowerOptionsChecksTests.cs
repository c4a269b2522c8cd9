using Kiosk.Edge.Hardware;
using Kiosk.Edge.Power;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Power;

public sealed class PowerOptionsChecksTests
{
    [Fact]
    public void Validate_DemoShapedConfiguration_Succeeds()
    {
        var result = Validate(Valid());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_UnknownMeter_NamesCircuitKey()
    {
        var options = Valid();
        options.Circuits["outlet"].Meter = "nope";

        Assert.Contains("Power:Circuits:outlet:Meter names 'nope'", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LimitZero_NamesKey()
    {
        var options = Valid();
        options.Circuits["heater"].LimitWatts = 0;

        Assert.Contains("Power:Circuits:heater.LimitWatts", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RelayPinMissingOrOutOfRange_NamesKey()
    {
        var options = Valid();
        options.Circuits["heater"].RelayPin = 64;

        Assert.Contains("Power:Circuits:heater.RelayPin", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PinUsedTwice_NamesBothKeys()
    {
        var options = Valid();
        options.Meters["heater-s0"].Pin = 21; // the outlet relay's line

        var message = Validate(options).FailureMessage;

        Assert.Contains("Power:Meters:heater-s0:Pin uses GPIO 21, already used by Power:Circuits:outlet:RelayPin", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MeterSharedByTwoCircuits_Refused()
    {
        var options = Valid();
        options.Circuits["outlet"].Meter = "heater-s0";

        Assert.Contains("a meter channel measures one circuit", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_S0WithoutPin_NamesKey()
    {
        var options = Valid();
        options.Meters["heater-s0"].Pin = null;

        Assert.Contains("Power:Meters:heater-s0:Pin is required", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InaShuntBeyondRange_NamesMeter()
    {
        var options = Valid();
        options.Meters["outlet-ina219"].ShuntOhms = 0.1; // 0.1 ohm x 150 A

        Assert.Contains("Power:Meters:outlet-ina219: MaxCurrentAmps x ShuntOhms", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SimulatedMeterOnRealBoard_Refused()
    {
        var result = Validate(Valid(), BoardKind.Libgpiod);

        Assert.Contains("Power:Meters:microwave-sim:Kind is Simulated, which needs Board:Kind=Simulated", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CurveNotFasterForLargerOverload_Refused()
    {
        var options = Valid();
        options.TripCurve.Add(new TripPointOptions { Percent = 110, After = TimeSpan.FromSeconds(30) });
        options.TripCurve.Add(new TripPointOptions { Percent = 150, After = TimeSpan.FromSeconds(60) });

        Assert.Contains("Power:TripCurve:1", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CurvePointAtLimit_Refused()
    {
        var options = Valid();
        options.TripCurve.Add(new TripPointOptions { Percent = 100, After = TimeSpan.FromSeconds(30) });

        Assert.Contains("Power:TripCurve:0:Percent must be above 100", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadCircuitId_Refused()
    {
        var options = Valid();
        options.Circuits["Hot Water"] = options.Circuits["heater"];
        options.Circuits.Remove("heater");

        Assert.Contains("Power:Circuits:Hot Water: circuit ids must match", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TopLevelRanges_GeneratedValidatorNamesMember()
    {
        var options = Valid();
        options.SamplePeriod = TimeSpan.Zero;

        var result = new PowerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("SamplePeriod", result.FailureMessage, StringComparison.Ordinal);
    }

    internal static PowerOptions Valid()
    {
        var options = new PowerOptions { KioskLimitWatts = 3600 };
        options.Circuits["heater"] = new CircuitOptions { RelayPin = 18, LimitWatts = 2200, Meter = "heater-s0", Priority = 1 };
        options.Circuits["microwave"] = new CircuitOptions { RelayPin = 19, LimitWatts = 1500, Meter = "microwave-sim", Priority = 2, FollowsOccupancy = true };
        options.Circuits["aircon"] = new CircuitOptions { RelayPin = 20, LimitWatts = 1300, Meter = "aircon-ina226", Priority = 3, SafeState = SafeState.On };
        options.Circuits["outlet"] = new CircuitOptions { RelayPin = 21, LimitWatts = 500, Meter = "outlet-ina219", Priority = 4 };
        options.Meters["heater-s0"] = new MeterOptions { Kind = MeterKind.S0, Pin = 23, ImpulsesPerKwh = 10000 };
        options.Meters["microwave-sim"] = new MeterOptions { Kind = MeterKind.Simulated };
        options.Meters["aircon-ina226"] = new MeterOptions { Kind = MeterKind.Ina226, Address = 0x41, ShuntOhms = 0.0005, MaxCurrentAmps = 100 };
        options.Meters["outlet-ina219"] = new MeterOptions { Kind = MeterKind.Ina219, Address = 0x40, ShuntOhms = 0.002, MaxCurrentAmps = 150, Averages = 1 };
        return options;
    }

    private static ValidateOptionsResult Validate(PowerOptions options, BoardKind board = BoardKind.Simulated) =>
        new PowerOptionsChecks(Options.Create(new BoardOptions { Kind = board })).Validate(null, options);
}
