namespace Kiosk.Edge.Intercom;

/// <summary>The local hours (e.g. 22:00 to 06:00, across midnight) when only urgent announcements play.</summary>
internal sealed class QuietHours(TimeSpan start, TimeSpan end, TimeZoneInfo zone)
{
    public bool IsQuiet(DateTimeOffset now)
    {
        if (start == end)
        {
            return false;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone).TimeOfDay;
        return start < end ? local >= start && local < end : local >= start || local < end;
    }
}
