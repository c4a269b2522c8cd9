using System.Globalization;
using System.Text.Json;

namespace Kiosk.Fleet.Ingest;

/// <summary>Reading the fields of kiosk payloads (contract section 3) without trusting them.</summary>
internal static class Payloads
{
    public static string? String(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static long? Long(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l) ? l : null;

    public static bool? Bool(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    /// <summary>An RFC 3339 timestamp as UTC, or null.</summary>
    public static DateTime? Time(JsonElement o, string name) =>
        String(o, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.UtcDateTime : null;

    /// <summary>The installation epoch: a string or a number in the birth message (absent on older kiosks).</summary>
    public static string? Epoch(JsonElement o) =>
        o.TryGetProperty("epoch", out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;
}
