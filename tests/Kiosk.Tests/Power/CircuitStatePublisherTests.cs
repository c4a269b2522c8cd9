using Kiosk.Contract.State;
using Kiosk.Edge.Power;
using Kiosk.Edge.State;

namespace Kiosk.Tests.Power;

public sealed class CircuitStatePublisherTests : IDisposable
{
    private readonly CircuitBench _bench = new();
    private readonly StateBoard _state = new();
    private readonly CircuitStatePublisher _publisher;
    private readonly DateTimeOffset _t0 = CircuitBench.T0;

    public CircuitStatePublisherTests() => _publisher = new CircuitStatePublisher(_state);

    [Fact]
    public void Describe_Circuit_RoundedContractShape()
    {
        var c = _bench.Add("heater", limit: 1500);
        c.Watts = 812.6;
        c.WattHours = 12.345;
        c.Fault = MeterFault.Overflow;
        c.Manual = false;
        Assert.Equal(new CircuitState(true, 813, 12.3, 1500, false, false, false, "overflow", "off"), CircuitStatePublisher.Describe(c));
        c.Manual = true;
        Assert.Equal("on", CircuitStatePublisher.Describe(c).Manual);
        c.Manual = null;
        Assert.Null(CircuitStatePublisher.Describe(c).Manual);
    }

    [Fact]
    public void Build_OnlyMeasurementsChanged_DueAfterTheRefreshPeriod()
    {
        Circuit[] circuits = [_bench.Add("a")];
        Assert.NotNull(_publisher.Build(circuits, _t0, force: true));
        // The sample after a change is always shown (the meters settle one sample later).
        Assert.NotNull(_publisher.Build(circuits, _t0.AddSeconds(0.25), force: false));
        circuits[0].Watts = 10;
        Assert.Null(_publisher.Build(circuits, _t0.AddSeconds(5.2), force: false));
        Assert.NotNull(_publisher.Build(circuits, _t0.AddSeconds(5.25), force: false));
    }

    [Fact]
    public void Build_DiscreteChange_DueAtOnce()
    {
        Circuit[] circuits = [_bench.Add("a")];
        _publisher.Build(circuits, _t0, force: true);
        _publisher.Build(circuits, _t0, force: false);
        Assert.Null(_publisher.Build(circuits, _t0, force: false));
        circuits[0].Tripped = true;
        var section = _publisher.Build(circuits, _t0, force: false);
        Assert.True(section!["a"].Tripped);
    }

    [Fact]
    public void Publish_Section_SetsTheCircuitsStateNullDoesNothing()
    {
        var changed = new List<string>();
        _state.Changed += changed.Add;
        _publisher.Publish(null);
        Assert.Empty(changed);
        _publisher.Publish(_publisher.Build([_bench.Add("a")], _t0, force: true));
        Assert.Equal(["circuits"], changed);
        Assert.NotNull(_state.Get("circuits")?["a"]);
    }

    [Fact]
    public void Measure_Circuits_WattsWattHoursAndTotal()
    {
        var a = _bench.Add("a");
        var b = _bench.Add("b");
        a.Watts = 100.04;
        a.WattHours = 1.234;
        b.Watts = 50.02;
        var measurements = new Dictionary<string, double>();
        CircuitStatePublisher.Measure([a, b], measurements);
        Assert.Equal(100.0, measurements["power.a.watts"]);
        Assert.Equal(1.23, measurements["power.a.wh"]);
        Assert.Equal(50.0, measurements["power.b.watts"]);
        Assert.Equal(150.1, measurements["power.total.watts"]);
    }

    public void Dispose() => _bench.Dispose();
}
