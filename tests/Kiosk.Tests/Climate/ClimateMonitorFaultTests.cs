using Kiosk.Edge.Climate;

namespace Kiosk.Tests.Climate;

public sealed class ClimateMonitorFaultTests : IDisposable
{
    private readonly ClimateRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Theory]
    [InlineData("NoAnswer", "no_answer")]
    [InlineData("CrcError", "crc_error")]
    public void Step_SensorFault_ReportedOnceInEventAndStateNoAlarm(string fault, string wire)
    {
        _rig.People.Count = 2;
        _rig.Sensor.Fault = Enum.Parse<ClimateFault>(fault);

        _rig.Run(TimeSpan.FromMinutes(30));

        var e = Assert.Single(_rig.Events("climate.sensor_fault"));
        Assert.Equal(wire, e.Fields["fault"]!.GetValue<string>());
        Assert.Equal("sht3x", e.Fields["sensor"]!.GetValue<string>());
        Assert.Equal(wire, _rig.Cabin["fault"]!.GetValue<string>());
        Assert.Null(_rig.Cabin["celsius"]);
        Assert.DoesNotContain(_rig.Events(), x => x.Type is "climate.heat" or "climate.cold");
    }

    [Theory]
    [InlineData(130, 50)]
    [InlineData(-45, 50)]
    [InlineData(25, 120)]
    [InlineData(double.NaN, 50)]
    public void Step_ImplausibleReading_FaultNotAlarm(double celsius, double humidity)
    {
        _rig.People.Count = 2;
        _rig.Sensor.Reading = new ClimateReading(celsius, humidity);

        _rig.Run(TimeSpan.FromMinutes(10));

        Assert.Equal("implausible", Assert.Single(_rig.Events("climate.sensor_fault")).Fields["fault"]!.GetValue<string>());
        Assert.DoesNotContain(_rig.Events(), x => x.Type is "climate.heat" or "climate.cold");
    }

    [Fact]
    public void Step_SensorFailsDuringHeatAlarm_AlarmHeldNotCleared()
    {
        _rig.People.Count = 1;
        _rig.Celsius = 40;
        _rig.Run(TimeSpan.FromMinutes(2));
        _rig.Sensor.Fault = ClimateFault.NoAnswer;
        _rig.Run(TimeSpan.FromMinutes(10));

        Assert.Single(_rig.Events("climate.heat"));
        Assert.Empty(_rig.Events("climate.cleared"));
        Assert.Equal(["heat"], _rig.Cabin["alarms"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public void Step_SensorRecovers_FaultLeavesStateAndCanReportAgain()
    {
        _rig.Sensor.Fault = ClimateFault.NoAnswer;
        _rig.Run(TimeSpan.FromMinutes(1));
        _rig.Sensor.Fault = null;
        _rig.Run(TimeSpan.FromMinutes(1));
        Assert.Null(_rig.Cabin["fault"]);
        Assert.Equal(26, _rig.Cabin["celsius"]!.GetValue<double>());

        _rig.Sensor.Fault = ClimateFault.NoAnswer;
        _rig.Run(TimeSpan.FromMinutes(1));
        Assert.Equal(2, _rig.Events("climate.sensor_fault").Count);
    }

    [Fact]
    public void Step_Co2SensorFault_ReportedWithItsChip()
    {
        _rig.Co2.Fault = ClimateFault.NoAnswer;

        _rig.Run(TimeSpan.FromMinutes(1));

        Assert.Equal("scd4x", Assert.Single(_rig.Events("climate.sensor_fault")).Fields["sensor"]!.GetValue<string>());
        Assert.Equal("no_answer", _rig.Cabin["co2Fault"]!.GetValue<string>());
        Assert.False(_rig.Cabin.ContainsKey("co2"));
        Assert.Equal(26, _rig.Cabin["celsius"]!.GetValue<double>());
    }

    [Fact]
    public void Collect_Readings_TemperatureHumidityCo2AndCpuKeys()
    {
        _rig.Run(TimeSpan.Zero);
        var values = new Dictionary<string, double>();

        _rig.Monitor.Collect(values);

        Assert.Equal(26, values["temperature.rest"]);
        Assert.Equal(50, values["humidity.rest"]);
        Assert.Equal(600, values["co2.rest"]);
        Assert.Equal(50, values["temperature.cpu"]);
    }

    [Fact]
    public void Collect_SensorFaulty_NoValuesForIt()
    {
        _rig.Sensor.Fault = ClimateFault.NoAnswer;
        _rig.Cpu.Celsius = null;
        _rig.Run(TimeSpan.Zero);
        var values = new Dictionary<string, double>();

        _rig.Monitor.Collect(values);

        Assert.Equal(["co2.rest"], values.Keys);
    }
}
