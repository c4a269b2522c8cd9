using Kiosk.Edge.Configuration;

namespace Kiosk.Tests.Configuration;

public sealed class ConfigurationCheckTests
{
    [Theory]
    [InlineData("Id: The KioskOptions.Id field is required.", "Kiosk:Id: required, not set")]
    [InlineData("Code: The KioskOptions.Station.Code field is required.", "Kiosk:Station:Code: required, not set")]
    [InlineData("Latitude: The field KioskOptions.Station.Latitude must be between -90 and 90.", "Kiosk:Station:Latitude: must be between -90 and 90")]
    [InlineData("FailMode: The Doors:Cabins:rest:FailMode field is required.", "Doors:Cabins:rest:FailMode: required, not set")]
    [InlineData("Id: Kiosk:Id must match ^[a-z0-9][a-z0-9-]{2,63}$", "Kiosk:Id must match ^[a-z0-9][a-z0-9-]{2,63}$")]
    [InlineData("Mqtt:Host is required outside Development.", "Mqtt:Host is required outside Development.")]
    [InlineData("Failed to convert configuration value 'Sideways' at 'Occupancy:Cabins:rest:BeamBias' to type 'Kiosk.Edge.Hardware.InputBias'.", "Occupancy:Cabins:rest:BeamBias: 'Sideways' is not a valid InputBias value (docs/configuration.md lists the values)")]
    public void Plain_ValidatorMessage_NamesTheConfigurationKey(string failure, string expected) =>
        Assert.Equal(expected, ConfigurationCheck.Plain(failure));

    [Theory]
    [InlineData("KioskOptions.Station.Code", "Kiosk:Station:Code")]
    [InlineData("MqttOptions.Tls.CaFile", "Mqtt:Tls:CaFile")]
    [InlineData("BoardOptions", "Board")]
    [InlineData("NoSuchOptions.X", null)]
    public void KeyOf_OptionsPath_IsTheConfigurationKey(string path, string? key) =>
        Assert.Equal(key, OptionsCatalog.KeyOf(path));
}
