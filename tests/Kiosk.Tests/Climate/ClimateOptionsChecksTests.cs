using Kiosk.Edge.Climate;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Power;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Climate;

public sealed class ClimateOptionsChecksTests
{
    private readonly DoorsOptions _doors = new() { Cabins = { ["rest"] = new DoorOptions(), ["life"] = new DoorOptions() } };
    private readonly PowerOptions _power = new()
    {
        Circuits = { ["aircon"] = new CircuitOptions { Meter = "aircon-ina219" } },
        Meters = { ["aircon-ina219"] = new MeterOptions { Kind = MeterKind.Ina219, Bus = 1, Address = 0x44 } },
    };

    [Fact]
    public void Validate_DemoLikeConfiguration_Succeeds()
    {
        var options = new ClimateOptions
        {
            Cabins =
            {
                ["rest"] = new CabinClimateOptions { Sensor = ClimateSensorKind.Sht3x, Address = 0x45, Co2Address = 0x62, AirconCircuit = "aircon" },
                ["life"] = new CabinClimateOptions { Sensor = ClimateSensorKind.Bme280, Address = 0x76 },
            },
        };

        Assert.True(Validate(options).Succeeded);
    }

    [Theory]
    [InlineData("attic", ClimateSensorKind.Sht3x, 0x45, null, null, "Climate:Cabins:attic: 'attic' is not a cabin of Doors:Cabins")]
    [InlineData("rest", ClimateSensorKind.Bme280, 0x44, null, null, "Climate:Cabins:rest:Address 0x44 is not an address of a Bme280 (possible: 0x76, 0x77)")]
    [InlineData("rest", ClimateSensorKind.Sht4x, 0x44, null, null, "Climate:Cabins:rest:Address: I2C bus 1 address 0x44 is already used by Power:Meters:aircon-ina219")]
    [InlineData("rest", ClimateSensorKind.Sht3x, 0x45, 0x61, null, "Climate:Cabins:rest:Co2Address 0x61 is not the SCD4x address")]
    [InlineData("rest", ClimateSensorKind.Sht3x, 0x45, null, "fridge", "Climate:Cabins:rest:AirconCircuit 'fridge' is not a circuit of Power:Circuits")]
    public void Validate_BadCabin_FailsNamingTheKey(string id, ClimateSensorKind kind, int address, int? co2, string? aircon, string message)
    {
        var options = new ClimateOptions { Cabins = { [id] = new CabinClimateOptions { Sensor = kind, Address = address, Co2Address = co2, AirconCircuit = aircon } } };

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ThresholdsTooClose_FailsNamingTheKeys()
    {
        var result = Validate(new ClimateOptions { HeatCelsius = 20, ColdCelsius = 18, TemperatureHysteresis = 1.5 });

        Assert.Contains("Climate:HeatCelsius and Climate:ColdCelsius", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AttributeRanges_NameTheKey()
    {
        var result = new ClimateOptionsValidator().Validate(null, new ClimateOptions { SamplePeriod = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("SamplePeriod", result.FailureMessage, StringComparison.Ordinal);
    }

    private ValidateOptionsResult Validate(ClimateOptions options) =>
        new ClimateOptionsChecks(Options.Create(_doors), Options.Create(_power)).Validate(null, options);
}
