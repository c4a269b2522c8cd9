using Kiosk.Edge.Occupancy;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Occupancy;

public sealed class BeamCounterTests
{
    private readonly FakeTimeProvider _time = new();

    private BeamCrossing? Run(params (Beam Beam, bool Blocked)[] steps)
    {
        var counter = new BeamCounter(TimeSpan.FromSeconds(10), _time);
        BeamCrossing? last = null;
        foreach (var (beam, blocked) in steps)
        {
            _time.Advance(TimeSpan.FromMilliseconds(200));
            last = counter.Update(beam, blocked) ?? last;
        }

        return last;
    }

    [Fact]
    public void Update_AThenBThenClear_CountsIn() =>
        Assert.Equal(BeamCrossing.In, Run((Beam.A, true), (Beam.B, true), (Beam.A, false), (Beam.B, false)));

    [Fact]
    public void Update_BThenAThenClear_CountsOut() =>
        Assert.Equal(BeamCrossing.Out, Run((Beam.B, true), (Beam.A, true), (Beam.B, false), (Beam.A, false)));

    [Fact]
    public void Update_AReleasedWithoutB_CountsNothing() =>
        Assert.Null(Run((Beam.A, true), (Beam.A, false)));

    [Fact]
    public void Update_ABThenBackTheWayItCame_CountsNothing() =>
        Assert.Null(Run((Beam.A, true), (Beam.B, true), (Beam.B, false), (Beam.A, false)));

    [Fact]
    public void Update_HesitationInsideDoorway_StillCountsIn() =>
        Assert.Equal(BeamCrossing.In, Run((Beam.A, true), (Beam.B, true), (Beam.B, false), (Beam.B, true), (Beam.A, false), (Beam.B, false)));

    [Fact]
    public void Update_RepeatedLevels_AreIgnored() =>
        Assert.Equal(BeamCrossing.In, Run((Beam.A, true), (Beam.A, true), (Beam.B, true), (Beam.B, true), (Beam.A, false), (Beam.A, false), (Beam.B, false)));

    [Fact]
    public void Update_ReleaseWithoutBlock_CountsNothing() =>
        Assert.Null(Run((Beam.B, false), (Beam.A, false)));

    [Fact]
    public void Update_CrossingLongerThanTimeout_CountsNothing()
    {
        var counter = new BeamCounter(TimeSpan.FromSeconds(10), _time);
        counter.Update(Beam.A, true);
        counter.Update(Beam.B, true);
        _time.Advance(TimeSpan.FromSeconds(11));
        counter.Update(Beam.A, false);
        Assert.Null(counter.Update(Beam.B, false));

        // The next clean crossing counts again.
        counter.Update(Beam.A, true);
        counter.Update(Beam.B, true);
        counter.Update(Beam.A, false);
        Assert.Equal(BeamCrossing.In, counter.Update(Beam.B, false));
    }

    [Fact]
    public void Update_CrossingExactlyTheTimeout_CountsIn()
    {
        var counter = new BeamCounter(TimeSpan.FromSeconds(10), _time);
        counter.Update(Beam.A, true);
        counter.Update(Beam.B, true);
        _time.Advance(TimeSpan.FromSeconds(10));
        counter.Update(Beam.A, false);
        Assert.Equal(BeamCrossing.In, counter.Update(Beam.B, false));
    }

    [Fact]
    public void Update_ReleaseRepeatedLongBeforeACrossing_TimedFromTheFirstInterruption()
    {
        var counter = new BeamCounter(TimeSpan.FromSeconds(10), _time);
        Assert.Null(counter.Update(Beam.B, false));
        _time.Advance(TimeSpan.FromSeconds(11));

        counter.Update(Beam.A, true);
        counter.Update(Beam.B, true);
        counter.Update(Beam.A, false);
        Assert.Equal(BeamCrossing.In, counter.Update(Beam.B, false));
    }
}
