namespace Kiosk.Edge.Climate;

/// <summary>
/// An alarm on one measured value with hysteresis: it is raised once the value has been at or beyond
/// <c>raiseAt</c> (above it, or below it for a low alarm) for <c>raiseAfter</c> while the alarm is
/// enabled, and cleared only when the value is back past <c>clearAt</c> or the alarm is disabled. A
/// missing value (sensor fault) changes nothing: a fault neither raises nor clears an alarm.
/// </summary>
internal sealed class ThresholdAlarm(double raiseAt, double clearAt, bool high, TimeSpan raiseAfter)
{
    private DateTimeOffset? _beyondSince;

    public bool Active { get; private set; }

    public double RaiseAt => raiseAt;

    public AlarmChange Update(double? value, bool enabled, DateTimeOffset now)
    {
        if (value is not { } v)
        {
            _beyondSince = null;
            return AlarmChange.None;
        }

        if (Active)
        {
            var back = high ? v <= clearAt : v >= clearAt;
            if (!enabled || back)
            {
                Active = false;
                return AlarmChange.Cleared;
            }

            return AlarmChange.None;
        }

        var beyond = high ? v >= raiseAt : v <= raiseAt;
        if (!enabled || !beyond)
        {
            _beyondSince = null;
            return AlarmChange.None;
        }

        _beyondSince ??= now;
        if (now - _beyondSince.Value < raiseAfter)
        {
            return AlarmChange.None;
        }

        Active = true;
        return AlarmChange.Raised;
    }
}
