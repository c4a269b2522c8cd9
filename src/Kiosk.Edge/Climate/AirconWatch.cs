namespace Kiosk.Edge.Climate;

/// <summary>
/// climate.aircon_ineffective: the air conditioner's circuit has drawn at least its running power for
/// the whole window and the cabin is still warm (at or above the comfort temperature) and not at least
/// <c>minDrop</c> cooler than when it started. Cleared when the cabin cools by that much or the air
/// conditioner stops. A run is measured from its start, so a cabin held steady at a comfortable
/// temperature for hours is no alarm. Missing readings (sensor or meter fault) change nothing.
/// </summary>
internal sealed class AirconWatch(double runningWatts, TimeSpan window, double minDrop, double comfortCelsius)
{
    private DateTimeOffset? _runningSince;
    private double? _startCelsius;

    public bool Active { get; private set; }

    /// <summary>The cabin temperature when the current run started (null while not running).</summary>
    public double? StartCelsius => _startCelsius;

    public AlarmChange Update(double? watts, double? celsius, DateTimeOffset now)
    {
        if (watts is not { } w)
        {
            return AlarmChange.None;
        }

        if (w < runningWatts)
        {
            _runningSince = null;
            _startCelsius = null;
            return Clear();
        }

        _runningSince ??= now;
        if (celsius is not { } c)
        {
            return AlarmChange.None;
        }

        _startCelsius ??= c;
        var cooled = c <= _startCelsius.Value - minDrop;
        if (Active)
        {
            return cooled ? Clear() : AlarmChange.None;
        }

        if (!cooled && c >= comfortCelsius && now - _runningSince.Value >= window)
        {
            Active = true;
            return AlarmChange.Raised;
        }

        return AlarmChange.None;
    }

    private AlarmChange Clear()
    {
        if (!Active)
        {
            return AlarmChange.None;
        }

        Active = false;
        return AlarmChange.Cleared;
    }
}
