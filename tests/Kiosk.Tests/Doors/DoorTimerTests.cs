using Kiosk.Edge.Doors;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Doors;

public sealed class DoorTimerTests
{
    private static readonly TimeSpan Due = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _time = new();
    private readonly List<(DoorTimer Timer, long Generation)> _fired = [];
    private readonly DoorTimer _timer;

    public DoorTimerTests() => _timer = new DoorTimer(_time, Due, DoorSignal.UnlockTimeElapsed, (t, g) => _fired.Add((t, g)));

    [Fact]
    public void Start_DueTimeElapses_FiresOnceWithTheCurrentGeneration()
    {
        _timer.Start();
        _time.Advance(Due - TimeSpan.FromTicks(1));
        Assert.Empty(_fired);

        _time.Advance(TimeSpan.FromTicks(1));
        var (timer, generation) = Assert.Single(_fired);
        Assert.Same(_timer, timer);
        Assert.True(_timer.IsCurrent(generation));
        Assert.Equal(DoorSignal.UnlockTimeElapsed, timer.Signal);

        _time.Advance(Due * 3);
        Assert.Single(_fired);
    }

    [Fact]
    public void Start_Again_RestartsTheDueTimeAndMakesTheOldGenerationStale()
    {
        _timer.Start();
        _time.Advance(Due / 2);
        _timer.Start();
        _time.Advance(Due / 2);
        Assert.Empty(_fired);

        _time.Advance(Due / 2);
        var (_, generation) = Assert.Single(_fired);
        Assert.True(_timer.IsCurrent(generation));
        Assert.False(_timer.IsCurrent(generation - 1));
    }

    [Fact]
    public void Cancel_BeforeDue_NeverFiresAndDisarms()
    {
        _timer.Start();
        Assert.True(_timer.IsArmed);
        _timer.Cancel();
        Assert.False(_timer.IsArmed);

        _time.Advance(Due * 2);
        Assert.Empty(_fired);
    }

    [Fact]
    public void Cancel_AfterACallbackWasQueued_MakesItStale()
    {
        _timer.Start();
        _time.Advance(Due);
        var (_, generation) = Assert.Single(_fired);
        Assert.True(_timer.IsArmed);

        _timer.Cancel();
        Assert.False(_timer.IsCurrent(generation));
    }

    [Fact]
    public void Start_AgainAfterItElapsed_TheElapsedGenerationIsStale()
    {
        _timer.Start();
        _time.Advance(Due);
        var (_, generation) = Assert.Single(_fired);

        _timer.Start();
        Assert.False(_timer.IsCurrent(generation));
    }

    [Fact]
    public void IsArmed_NeverStarted_False() => Assert.False(_timer.IsArmed);
}
