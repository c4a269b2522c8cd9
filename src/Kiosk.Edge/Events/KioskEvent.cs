using System.Globalization;
using System.Text.Json.Nodes;

namespace Kiosk.Edge.Events;

/// <summary>One durable event, in the shape of contract section 3: <c>{"id","seq","ts","type",...}</c>.</summary>
public sealed record KioskEvent(long Seq, string Id, DateTimeOffset Ts, string Type, JsonObject Fields)
{
    /// <summary>RFC 3339 UTC with milliseconds, the timestamp format of every payload.</summary>
    public static string FormatTimestamp(DateTimeOffset ts) =>
        ts.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public JsonObject ToJsonObject()
    {
        var o = new JsonObject
        {
            ["id"] = Id,
            ["seq"] = Seq,
            ["ts"] = FormatTimestamp(Ts),
            ["type"] = Type,
        };
        foreach (var (key, value) in Fields)
        {
            o[key] = value?.DeepClone();
        }

        return o;
    }

    public string ToJson() => ToJsonObject().ToJsonString();
}
