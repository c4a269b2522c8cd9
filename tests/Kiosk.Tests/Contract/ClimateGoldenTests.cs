using Kiosk.Edge.Climate;
using Kiosk.Tests.Climate;

namespace Kiosk.Tests.Contract;

/// <summary>The climate events and the <c>climate</c> state section, as the climate monitor produces them.</summary>
public sealed class ClimateGoldenTests : IDisposable
{
    private readonly ClimateRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public void Events_HeatAndCleared_MatchGolden()
    {
        _rig.People.Count = 2;
        _rig.Celsius = 41;
        _rig.Run(TimeSpan.FromMinutes(2));
        GoldenFile.Match("state/climate", _rig.State.Get(ClimateMonitor.StateSection)!.ToJsonString());
        _rig.Celsius = 30;
        _rig.Run(TimeSpan.FromSeconds(30));

        GoldenFile.MatchEvent("climate.heat", Assert.Single(_rig.Events("climate.heat")));
        GoldenFile.MatchEvent("climate.cleared", Assert.Single(_rig.Events("climate.cleared")));
    }

    [Fact]
    public void Events_ColdCo2AndSensorFault_MatchGolden()
    {
        _rig.Celsius = 6;
        _rig.Co2.Reading = new ClimateReading(null, null, 1850);
        _rig.Run(TimeSpan.FromMinutes(2));
        _rig.Sensor.Fault = ClimateFault.NoAnswer;
        _rig.Run(TimeSpan.FromSeconds(30));

        GoldenFile.MatchEvent("climate.cold", Assert.Single(_rig.Events("climate.cold")));
        GoldenFile.MatchEvent("climate.co2_high", Assert.Single(_rig.Events("climate.co2_high")));
        GoldenFile.MatchEvent("climate.sensor_fault", Assert.Single(_rig.Events("climate.sensor_fault")));
    }

    [Fact]
    public void Events_AirconIneffective_MatchGolden()
    {
        _rig.Aircon.Draw = 800;
        _rig.Celsius = 33;
        _rig.Run(TimeSpan.FromMinutes(21));

        GoldenFile.MatchEvent("climate.aircon_ineffective", Assert.Single(_rig.Events("climate.aircon_ineffective")));
    }
}
