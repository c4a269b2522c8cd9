using System.Globalization;
using System.Text;
using Kiosk.Fleet.Api;

namespace Kiosk.Fleet.Reports;

/// <summary>The monthly evaluation as CSV (RFC 4180: comma separated, CRLF, quoted where needed).</summary>
internal static class StationCsv
{
    public const string Header = "kiosk,station,name,district,month,availability_percent,visits,holders,attendance_hours,alarms,median_ack_minutes";

    /// <summary>The download's file name: <c>stations-YYYY-MM.csv</c>.</summary>
    public static string FileName(DateOnly month) => "stations-" + month.ToString("yyyy-MM", CultureInfo.InvariantCulture) + ".csv";

    public static string Write(IEnumerable<StationEvaluation> rows)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var r in rows)
        {
            csv.AppendJoin(',',
                Field(r.Kiosk), Field(r.Station), Field(r.Name), Field(r.District), Field(r.Month),
                Number(r.AvailabilityPercent), Number(r.Visits), Number(r.Holders), Number(r.AttendanceHours), Number(r.Alarms),
                r.MedianAckMinutes is { } m ? Number(m) : "").Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Field(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
