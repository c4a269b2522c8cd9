using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiosk.Contract.Json;

/// <summary>
/// The timestamp format of every payload (contract section 3): RFC 3339 UTC with milliseconds,
/// <c>2026-11-23T06:00:00.000Z</c>. Reading accepts any RFC 3339 date-time with an offset.
/// </summary>
public sealed class WireTimestamp : JsonConverter<DateTimeOffset>
{
    /// <summary>Formats <paramref name="ts"/> as UTC with milliseconds, e.g. <c>2026-11-23T06:00:00.000Z</c>.</summary>
    public static string Format(DateTimeOffset ts) =>
        ts.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses an RFC 3339 date-time; false for anything else.</summary>
    public static bool TryParse(string? text, out DateTimeOffset ts) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out ts);

    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var ts)
            ? ts
            : throw new JsonException("expected an RFC 3339 timestamp string, e.g. \"2026-11-23T06:00:00.000Z\"");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));
}
