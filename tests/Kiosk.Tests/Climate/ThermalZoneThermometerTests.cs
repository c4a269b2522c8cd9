using Kiosk.Edge.Climate;

namespace Kiosk.Tests.Climate;

public sealed class ThermalZoneThermometerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("thermal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ReadCelsius_KernelMillidegrees_Celsius()
    {
        var path = Path.Combine(_dir, "temp");
        File.WriteAllText(path, "48250\n");

        Assert.Equal(48.25, new ThermalZoneThermometer(path).ReadCelsius());
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("")]
    public void ReadCelsius_NoThermalZone_NoReading(string name) =>
        Assert.Null(new ThermalZoneThermometer(name.Length == 0 ? "" : Path.Combine(_dir, name)).ReadCelsius());

    [Fact]
    public void ReadCelsius_NotANumber_NoReading()
    {
        var path = Path.Combine(_dir, "temp");
        File.WriteAllText(path, "hot\n");

        Assert.Null(new ThermalZoneThermometer(path).ReadCelsius());
    }
}
