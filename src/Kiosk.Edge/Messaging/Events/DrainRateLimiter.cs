namespace Kiosk.Edge.Messaging.Events;

/// <summary>
/// Token bucket for the outbox: <c>burst</c> events may go back-to-back, then one per
/// <c>1/rate</c> seconds, so a backlog after hours offline drains at a bounded rate.
/// </summary>
internal sealed class DrainRateLimiter(double ratePerSecond, int burst, TimeProvider time)
{
    private double _tokens = burst;
    private long _refilledAt = time.GetTimestamp();

    /// <summary>Takes one token; returns how long to wait before sending (zero when a token was available).</summary>
    public TimeSpan Reserve()
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(burst, _tokens + (time.GetElapsedTime(_refilledAt, now).TotalSeconds * ratePerSecond));
        _refilledAt = now;
        _tokens -= 1;
        return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / ratePerSecond);
    }
}
