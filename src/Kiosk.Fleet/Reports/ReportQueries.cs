using Kiosk.Fleet.Configuration;
using Kiosk.Contract.Events;
using Kiosk.Contract.Vocabulary;
using Kiosk.Fleet.Api;
using Kiosk.Fleet.Kiosks;
using Kiosk.Fleet.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Reports;

/// <summary>
/// The union's figures, computed from stored events, status changes and alarms. Days and months are
/// calendar days and months in the fleet's time zone (<see cref="FleetTimeZone"/>: a 06:00 visit in
/// Taiyuan is 22:00 UTC the day before, and counts on its own day). A visit is a <c>door.opened</c> by a worker's pass (<c>via</c> scan or remote,
/// role worker or absent); holders are distinct <c>sub</c>s.
/// </summary>
internal static class ReportQueries
{
    public static async Task<List<VisitsRow>> VisitsAsync(FleetDb db, FleetTimeZone zone, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var visits = await VisitEventsAsync(db, from, to, cancellationToken).ConfigureAwait(false);
        var stations = await StationsAsync(db, cancellationToken).ConfigureAwait(false);
        return [.. visits
            .GroupBy(v => (v.KioskId, Day: zone.Day(v.Ts)))
            .OrderBy(g => g.Key.KioskId, StringComparer.Ordinal).ThenBy(g => g.Key.Day)
            .Select(g => new VisitsRow(g.Key.KioskId, stations.GetValueOrDefault(g.Key.KioskId).Code, stations.GetValueOrDefault(g.Key.KioskId).Name, g.Key.Day, g.Count(), g.Select(v => v.Sub).Where(s => s != null).Distinct().Count()))];
    }

    public static async Task<List<AttendanceRow>> AttendanceAsync(FleetDb db, FleetTimeZone zone, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var sessions = await SessionsAsync(db, from, to, cancellationToken).ConfigureAwait(false);
        var stations = await StationsAsync(db, cancellationToken).ConfigureAwait(false);
        return [.. sessions
            .GroupBy(s => (s.Kiosk, Day: zone.Day(s.Session.CheckIn.UtcDateTime)))
            .OrderBy(g => g.Key.Kiosk, StringComparer.Ordinal).ThenBy(g => g.Key.Day)
            .Select(g => new AttendanceRow(
                g.Key.Kiosk,
                stations.GetValueOrDefault(g.Key.Kiosk).Code,
                stations.GetValueOrDefault(g.Key.Kiosk).Name,
                g.Key.Day,
                g.Select(s => s.Session.Steward).Distinct().Count(),
                Math.Round(g.Sum(s => s.Session.Hours), 2),
                [.. g.Select(s => s.Session).OrderBy(s => s.CheckIn)]))];
    }

    /// <summary>The monthly evaluation of every kiosk for <paramref name="month"/> (its first day; the month in the fleet's time zone), up to <paramref name="now"/> for the current month.</summary>
    public static async Task<List<StationEvaluation>> StationsAsync(FleetDb db, FleetTimeZone zone, DateOnly month, DateTime now, CancellationToken cancellationToken)
    {
        var from = zone.StartUtc(month);
        var to = zone.StartUtc(month.AddMonths(1));
        var end = now < to ? now : to;
        var label = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var kiosks = await db.Kiosks.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var visits = await VisitEventsAsync(db, from, to, cancellationToken).ConfigureAwait(false);
        var sessions = await SessionsAsync(db, from, to, cancellationToken).ConfigureAwait(false);
        var alarms = await db.Alarms.AsNoTracking().Where(a => a.Raised >= from && a.Raised < to).ToListAsync(cancellationToken).ConfigureAwait(false);
        var changes = await db.StatusChanges.AsNoTracking().Where(s => s.Ts < to).OrderBy(s => s.Ts).ToListAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<StationEvaluation>();
        foreach (var k in kiosks)
        {
            var station = KioskViews.Parse(k.Station);
            var kioskAlarms = alarms.Where(a => a.KioskId == k.Id).ToList();
            var ackMinutes = kioskAlarms.Where(a => a.AcknowledgedAt is not null).Select(a => (a.AcknowledgedAt!.Value - a.Raised).TotalMinutes).Order().ToList();
            var kioskVisits = visits.Where(v => v.KioskId == k.Id).ToList();
            result.Add(new StationEvaluation(
                k.Id,
                station?["code"]?.GetValue<string>(),
                station?["name"]?.GetValue<string>(),
                k.District,
                label,
                Math.Round(Availability(changes.Where(c => c.KioskId == k.Id).ToList(), from, end) * 100, 2),
                kioskVisits.Count,
                kioskVisits.Select(v => v.Sub).Where(s => s != null).Distinct().Count(),
                Math.Round(sessions.Where(s => s.Kiosk == k.Id).Sum(s => s.Session.Hours), 2),
                kioskAlarms.Count,
                ackMinutes.Count == 0 ? null : Math.Round(Median(ackMinutes), 2)));
        }

        return result;
    }

    /// <summary>Share of [from, end) the kiosk was online, from its status changes (state before the first change in range: the last one before it; none: offline).</summary>
    internal static double Availability(IReadOnlyList<StatusChange> changes, DateTime from, DateTime end)
    {
        if (end <= from)
        {
            return 0;
        }

        var online = changes.LastOrDefault(c => c.Ts <= from)?.Online ?? false;
        var since = from;
        var up = TimeSpan.Zero;
        foreach (var c in changes.Where(c => c.Ts > from && c.Ts < end))
        {
            if (online)
            {
                up += c.Ts - since;
            }

            online = c.Online;
            since = c.Ts;
        }

        if (online)
        {
            up += end - since;
        }

        return up / (end - from);
    }

    internal static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static async Task<List<(string KioskId, DateTime Ts, string? Sub)>> VisitEventsAsync(FleetDb db, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var opened = await db.Events.AsNoTracking()
            .Where(e => e.Type == EventTypes.DoorOpened && e.Ts >= from && e.Ts < to)
            .Select(e => new { e.KioskId, e.Ts, e.Sub, e.Payload })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. opened
            .Select(e => (e.KioskId, e.Ts, e.Sub, Payload: KioskViews.Parse(e.Payload)))
            .Where(e => e.Payload?["via"]?.ToString() is Vias.Scan or Vias.Remote && (e.Payload?["role"]?.ToString() ?? Roles.Worker) == Roles.Worker)
            .Select(e => (e.KioskId, e.Ts, e.Sub))];
    }

    /// <summary>Check-in/check-out pairs per steward: a check-in ends at the steward's next check-out; one without a check-out counts no hours.</summary>
    private static async Task<List<(string Kiosk, AttendanceSession Session)>> SessionsAsync(FleetDb db, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var events = await db.Events.AsNoTracking()
            .Where(e => (e.Type == EventTypes.StewardCheckin || e.Type == EventTypes.StewardCheckout) && e.Ts >= from && e.Ts < to.AddDays(1) && e.Sub != null)
            .OrderBy(e => e.Ts)
            .Select(e => new { e.KioskId, e.Type, e.Ts, e.Sub })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var sessions = new List<(string, AttendanceSession)>();
        foreach (var steward in events.GroupBy(e => (e.KioskId, e.Sub)))
        {
            DateTime? open = null;
            foreach (var e in steward)
            {
                if (e.Type == EventTypes.StewardCheckin)
                {
                    if (open is { } unclosed && unclosed < to)
                    {
                        sessions.Add((steward.Key.KioskId, new AttendanceSession(steward.Key.Sub!, new DateTimeOffset(unclosed), null, 0)));
                    }

                    open = e.Ts;
                }
                else if (open is { } start)
                {
                    if (start < to)
                    {
                        sessions.Add((steward.Key.KioskId, new AttendanceSession(steward.Key.Sub!, new DateTimeOffset(start), new DateTimeOffset(e.Ts), Math.Round((e.Ts - start).TotalHours, 2))));
                    }

                    open = null;
                }
            }

            if (open is { } last && last < to)
            {
                sessions.Add((steward.Key.KioskId, new AttendanceSession(steward.Key.Sub!, new DateTimeOffset(last), null, 0)));
            }
        }

        return sessions;
    }

    private static async Task<Dictionary<string, (string? Code, string? Name)>> StationsAsync(FleetDb db, CancellationToken cancellationToken) =>
        (await db.Kiosks.AsNoTracking().Select(k => new { k.Id, k.Station }).ToListAsync(cancellationToken).ConfigureAwait(false))
        .ToDictionary(k => k.Id, k =>
        {
            var s = KioskViews.Parse(k.Station);
            return (s?["code"]?.GetValue<string>(), s?["name"]?.GetValue<string>());
        });
}
