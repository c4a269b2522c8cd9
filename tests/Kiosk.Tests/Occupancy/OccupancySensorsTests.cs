using System.Device.Gpio;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Occupancy;

namespace Kiosk.Tests.Occupancy;

public sealed class OccupancySensorsTests : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(30);
    private readonly OccupancyFixture _f = new(OccupancyFixture.Cabin(beams: true, presence: true));
    private readonly SimulatedGpioDriver _chip = new();

    private void Set(int pin, bool high, int holdMs = 100)
    {
        _chip.SetInput(pin, high ? PinValue.High : PinValue.Low);
        _f.Time.Advance(TimeSpan.FromMilliseconds(holdMs));
    }

    [Fact]
    public void Beams_CleanInThenOut_CountsOneInThenZero()
    {
        using var sensors = _f.Sensors(_chip, Debounce);
        Set(7, true); Set(8, true); Set(7, false); Set(8, false);
        Assert.Equal(1, _f.Estimator.Count("rest"));
        Set(8, true); Set(7, true); Set(8, false); Set(7, false);
        Assert.Equal(0, _f.Estimator.Count("rest"));
    }

    [Fact]
    public void Beams_BouncyEdges_CountOnePerson()
    {
        using var sensors = _f.Sensors(_chip, Debounce);

        // Contact bounce on A: several edges within the debounce time, then a clean crossing.
        Set(7, true, 5); Set(7, false, 5); Set(7, true, 5); Set(7, false, 5); Set(7, true);
        Set(8, true, 3); Set(8, false, 3); Set(8, true);
        Set(7, false);
        Set(8, false, 4); Set(8, true, 4); Set(8, false);
        Assert.Equal(1, _f.Estimator.Count("rest"));
    }

    [Fact]
    public void Beams_AbortedCrossings_CountNothing()
    {
        using var sensors = _f.Sensors(_chip, Debounce);
        Set(7, true); Set(7, false);
        Set(7, true); Set(8, true); Set(8, false); Set(7, false);
        Assert.Equal(0, _f.Estimator.Count("rest"));
        Assert.Empty(_f.Events("occupancy.full"));
    }

    [Fact]
    public void Presence_GlitchShorterThanDebounce_IsIgnored()
    {
        using var sensors = _f.Sensors(_chip, Debounce);
        Set(9, true, 10);
        Set(9, false);
        Assert.Equal(false, _f.Estimator.Presence("rest"));
        Assert.Equal(0, _f.Estimator.Count("rest"));
    }

    [Fact]
    public void Presence_HeldActive_CountsSomeoneUncounted()
    {
        using var sensors = _f.Sensors(_chip, Debounce);
        Set(9, true);
        Assert.Equal(true, _f.Estimator.Presence("rest"));
        Assert.Equal(1, _f.Estimator.Count("rest"));
    }

    [Fact]
    public void Beams_OneEdgeWithoutACrossing_IsActivity()
    {
        using var sensors = _f.Sensors(_chip, Debounce);
        Assert.Null(_f.CabinState("rest")!["lastActivity"]);

        Set(7, true);

        Assert.NotNull(_f.CabinState("rest")!["lastActivity"]);
        Assert.Equal(0, _f.Estimator.Count("rest"));
    }

    [Fact]
    public void Presence_ActiveAtStart_CountsAtOnce()
    {
        _chip.SetInput(9, PinValue.High);
        using var sensors = _f.Sensors(_chip, Debounce);
        Assert.Equal(true, _f.Estimator.Presence("rest"));
        Assert.Equal(1, _f.Estimator.Count("rest"));
    }

    [Fact]
    public void Dispose_CrossingAfterwards_CountsNothing()
    {
        var sensors = _f.Sensors(_chip, Debounce);
        sensors.Dispose();

        Set(7, true); Set(8, true); Set(7, false); Set(8, false); Set(9, true);

        Assert.Equal(0, _f.Estimator.Count("rest"));
        Assert.Equal(false, _f.Estimator.Presence("rest"));
    }

    [Theory]
    [InlineData(7, "Occupancy:Cabins:rest:BeamBias")]
    [InlineData(8, "Occupancy:Cabins:rest:BeamBias")]
    [InlineData(9, "Occupancy:Cabins:rest:PresenceBias")]
    public void Constructor_BiasTheChipCannotSet_FailsNamingTheKey(int pin, string key)
    {
        _f.Options.Cabins["rest"].BeamBias = InputBias.PullUp;
        _f.Options.Cabins["rest"].PresenceBias = InputBias.PullDown;
        using var board = new Board(new NoPullsOn(pin), null, BoardKind.Libgpiod, Debounce);

        var e = Assert.Throws<InvalidOperationException>(() => new OccupancySensors(board, _f.Options, _f.Estimator, _f.Time));
        Assert.StartsWith(key, e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _f.Dispose();

    /// <summary>A chip that cannot bias one line (libgpiod before 1.5 has no pull-ups on any).</summary>
    private sealed class NoPullsOn(int pin) : GpioController(new SimulatedGpioDriver())
    {
        public override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
            (pinNumber != pin || mode == PinMode.Input) && base.IsPinModeSupported(pinNumber, mode);
    }
}
