using Kiosk.Contract.Events;
using Kiosk.Edge.Power;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Kiosk.Tests.Power;

public sealed class SensorHealthTests : IDisposable
{
    private readonly CircuitBench _bench = new();
    private readonly List<KioskEventBody> _events = [];
    private readonly FakeLogger _logger = new();
    private readonly SensorHealth _sensors;

    public SensorHealthTests() => _sensors = new SensorHealth(_logger);

    [Fact]
    public void Fault_FirstFaultySample_OneEventAndWhatTheMeterNoLongerProvesZeroed()
    {
        var c = _bench.Add("heater", safeState: SafeState.On);
        c.Watts = 500;
        c.TripProgress = 0.5;
        c.LastCounter = 12;

        _sensors.Fault(c, MeterFault.NoAnswer, _events);
        _sensors.Fault(c, MeterFault.Frozen, _events);

        Assert.Equal([new PowerSensorFault("heater", "m-heater", "no_answer", "on")], _events);
        Assert.Equal(MeterFault.Frozen, c.Fault);
        Assert.Equal(0, c.Watts);
        Assert.Equal(0, c.TripProgress);
        Assert.Null(c.LastCounter);
        var log = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, log.Level);
        Assert.Equal("Sensor fault on circuit heater (meter m-heater): no_answer; circuit goes to its safe state", log.Message);
    }

    [Fact]
    public void Fault_SafeStateOff_SaysOff()
    {
        _sensors.Fault(_bench.Add("heater"), MeterFault.OutOfRange, _events);
        Assert.Equal("off", Assert.IsType<PowerSensorFault>(Assert.Single(_events)).SafeState);
    }

    [Fact]
    public void Good_NoOpenFault_Nothing()
    {
        _sensors.Good(_bench.Add("heater"), saving: false, _events);
        Assert.Empty(_events);
    }

    [Fact]
    public void Good_AfterAFaultThatCutTheCircuit_RecoveredAndRestored()
    {
        var c = _bench.Add("heater");
        c.Fault = MeterFault.NoAnswer;
        _sensors.Good(c, saving: false, _events);
        Assert.Null(c.Fault);
        Assert.Equal([new PowerSensorRecovered("heater", "m-heater"), new PowerRestored("heater", "sensor_recovered")], _events);
        var log = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Information, "Meter m-heater of circuit heater reads plausibly again"), (log.Level, log.Message));
    }

    [Theory]
    [InlineData(SafeState.On, false)]
    [InlineData(SafeState.Off, true)]
    public void Good_CircuitStayedOnOrStaysOff_RecoveredOnly(SafeState safeState, bool saving)
    {
        var c = _bench.Add("heater", safeState: safeState, followsOccupancy: true);
        c.Fault = MeterFault.NoAnswer;
        _sensors.Good(c, saving, _events);
        Assert.Equal([new PowerSensorRecovered("heater", "m-heater")], _events);
    }

    public void Dispose() => _bench.Dispose();
}
