namespace Kiosk.FleetSim.Behaviour;

/// <summary>
/// The station steward's day (签到签退, attendance counts for the star rating): check-in between 07:30 and 08:15 local,
/// check-out between 17:30 and 18:15, times drawn each local day; on about one day in twenty nobody comes.
/// </summary>
internal sealed class StewardRoster(Random random)
{
    private DateOnly _day;
    private TimeSpan _checkin;
    private TimeSpan _checkout;
    private bool _absent;

    public bool CheckedIn { get; private set; }

    private bool _checkedOutToday;

    /// <summary>What the steward does at local time <paramref name="local"/>: check in, check out, or nothing.</summary>
    public string? Due(DateTime local)
    {
        var day = DateOnly.FromDateTime(local);
        if (day != _day)
        {
            _day = day;
            _checkin = TimeSpan.FromMinutes((7.5 * 60) + random.Next(45));
            _checkout = TimeSpan.FromMinutes((17.5 * 60) + random.Next(45));
            _absent = random.NextDouble() < 0.05;
            _checkedOutToday = false;
        }

        if (_absent)
        {
            return null;
        }

        if (!CheckedIn && !_checkedOutToday && local.TimeOfDay >= _checkin && local.TimeOfDay < _checkout)
        {
            CheckedIn = true;
            return "checkin";
        }

        if (CheckedIn && local.TimeOfDay >= _checkout)
        {
            CheckedIn = false;
            _checkedOutToday = true;
            return "checkout";
        }

        return null;
    }
}
