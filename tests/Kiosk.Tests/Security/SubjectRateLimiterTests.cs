using Kiosk.Edge.Security;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Security;

public sealed class SubjectRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryAcquire_SeventhWithinAMinute_False()
    {
        var limiter = new SubjectRateLimiter(6, TimeSpan.FromMinutes(1), 100, _time);
        for (var i = 0; i < 6; i++)
        {
            Assert.True(limiter.TryAcquire("w1"));
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.False(limiter.TryAcquire("w1"));
        Assert.True(limiter.TryAcquire("w2"));
    }

    [Fact]
    public void TryAcquire_WindowSlides_PermitReturnsWhenTheOldestAges()
    {
        var limiter = new SubjectRateLimiter(2, TimeSpan.FromMinutes(1), 100, _time);
        Assert.True(limiter.TryAcquire("w1"));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(limiter.TryAcquire("w1"));
        Assert.False(limiter.TryAcquire("w1"));

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(limiter.TryAcquire("w1"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire("w1"));
        Assert.False(limiter.TryAcquire("w1"));
    }

    [Fact]
    public void TryAcquire_DeniedAttempts_DoNotExtendTheLockout()
    {
        var limiter = new SubjectRateLimiter(1, TimeSpan.FromMinutes(1), 100, _time);
        Assert.True(limiter.TryAcquire("w1"));
        for (var i = 0; i < 59; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.False(limiter.TryAcquire("w1"));
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire("w1"));
    }

    [Fact]
    public void TryAcquire_ManySubjects_MemoryStaysBounded()
    {
        var limiter = new SubjectRateLimiter(6, TimeSpan.FromMinutes(1), 100, _time);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(limiter.TryAcquire($"w{i}"));
            if (i % 50 == 0)
            {
                _time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        Assert.True(limiter.TrackedSubjects <= 100);
    }

    [Fact]
    public void TryAcquire_FullOfActiveSubjects_ForgetsTheLeastRecentlySeen()
    {
        var limiter = new SubjectRateLimiter(1, TimeSpan.FromMinutes(1), 100, _time);
        for (var i = 0; i < 100; i++)
        {
            limiter.TryAcquire($"w{i}");
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.False(limiter.TryAcquire("w99"));
        Assert.True(limiter.TryAcquire("new"));
        Assert.Equal(100, limiter.TrackedSubjects);
        Assert.True(limiter.TryAcquire("w0"));
    }
}
