using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kiosk.Fleet.Api;

/// <summary>RFC 3339 query parameters (<c>since</c>, <c>from</c>...), parsed to UTC or refused naming the parameter.</summary>
internal static class QueryTime
{
    public static ValidationProblem? Parse(string? value, string name, out DateTime? time)
    {
        time = null;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
        {
            return ApiErrors.BadRequest(name, "must be an RFC 3339 time, e.g. 2026-01-31T06:00:00Z");
        }

        time = t.UtcDateTime;
        return null;
    }
}
