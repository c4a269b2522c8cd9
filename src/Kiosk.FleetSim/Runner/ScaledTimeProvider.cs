namespace Kiosk.FleetSim.Runner;

/// <summary>
/// Virtual time for <c>--time-scale</c>: starts at <paramref name="start"/> and runs <paramref name="scale"/> times as fast
/// as <paramref name="wall"/>; timers (and so <c>Task.Delay</c> on this provider) fire after the virtual span divided by the scale.
/// Timestamps stay the wall's (they measure real durations).
/// </summary>
internal sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _wall;
    private readonly DateTimeOffset _start;
    private readonly long _origin;

    public ScaledTimeProvider(TimeProvider wall, DateTimeOffset start, double scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        _wall = wall;
        _start = start;
        Scale = scale;
        _origin = wall.GetTimestamp();
    }

    /// <summary>Virtual seconds per wall second.</summary>
    public double Scale { get; }

    public override DateTimeOffset GetUtcNow() => _start + TimeSpan.FromTicks((long)(_wall.GetElapsedTime(_origin).Ticks * Scale));

    public override TimeZoneInfo LocalTimeZone => _wall.LocalTimeZone;

    public override long TimestampFrequency => _wall.TimestampFrequency;

    public override long GetTimestamp() => _wall.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_wall.CreateTimer(callback, state, ToWall(dueTime), ToWall(period)), this);

    /// <summary>The wall span of a virtual one (infinite stays infinite).</summary>
    public TimeSpan ToWall(TimeSpan virtualSpan) =>
        virtualSpan == Timeout.InfiniteTimeSpan || virtualSpan <= TimeSpan.Zero ? virtualSpan : TimeSpan.FromTicks(Math.Max(1, (long)(virtualSpan.Ticks / Scale)));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.ToWall(dueTime), owner.ToWall(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
