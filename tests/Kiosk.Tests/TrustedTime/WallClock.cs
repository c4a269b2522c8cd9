using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.TrustedTime;

/// <summary>
/// A system clock that can be set anywhere, also backwards, while its monotonic timestamps run on
/// <see cref="Monotonic"/> (FakeTimeProvider cannot go back in time).
/// </summary>
internal sealed class WallClock(DateTimeOffset start) : TimeProvider
{
    public FakeTimeProvider Monotonic { get; } = new(start);

    /// <summary>Added to the monotonic clock's time to give the wall time.</summary>
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => Monotonic.GetUtcNow() + Offset;

    public override long GetTimestamp() => Monotonic.GetTimestamp();

    public override long TimestampFrequency => Monotonic.TimestampFrequency;

    public void Advance(TimeSpan by) => Monotonic.Advance(by);

    /// <summary>Steps the wall clock to <paramref name="value"/> without moving the monotonic clock.</summary>
    public void Set(DateTimeOffset value) => Offset = value - Monotonic.GetUtcNow();
}
