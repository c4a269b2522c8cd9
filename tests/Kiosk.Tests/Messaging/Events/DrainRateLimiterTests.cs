using Kiosk.Edge.Messaging.Events;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Messaging.Events;

public sealed class DrainRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Reserve_Burst_ImmediateThenPacedAtRate()
    {
        var limiter = new DrainRateLimiter(20, 5, _time);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.Reserve());
        }

        Assert.Equal(TimeSpan.FromMilliseconds(50), limiter.Reserve());
        Assert.Equal(TimeSpan.FromMilliseconds(100), limiter.Reserve());
    }

    [Fact]
    public void Reserve_LongBacklog_AverageRateCapped()
    {
        var limiter = new DrainRateLimiter(20, 20, _time);
        var sent = 0;
        var start = _time.GetUtcNow();
        while (sent < 1000)
        {
            var wait = limiter.Reserve();
            _time.Advance(wait);
            sent++;
        }

        var seconds = (_time.GetUtcNow() - start).TotalSeconds;
        Assert.InRange(sent / seconds, 19.0, 20.5);
    }

    [Fact]
    public void Reserve_IdleTime_RefillsUpToBurstOnly()
    {
        var limiter = new DrainRateLimiter(10, 3, _time);
        for (var i = 0; i < 3; i++)
        {
            limiter.Reserve();
        }

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.Zero, limiter.Reserve());
        Assert.Equal(TimeSpan.Zero, limiter.Reserve());
        Assert.Equal(TimeSpan.Zero, limiter.Reserve());
        Assert.Equal(TimeSpan.FromMilliseconds(100), limiter.Reserve());
    }
}
