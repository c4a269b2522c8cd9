using System.Text.Json.Nodes;
using Kiosk.Contract.Events;
using Kiosk.Contract.Json;

namespace Kiosk.Edge.Events;

/// <summary>
/// One durable event: the envelope (contract section 3), its typed <see cref="Body"/> and <see cref="Json"/>,
/// the exact payload stored in the outbox and published, <c>{"id","seq","ts","type","epoch",...}</c>.
/// </summary>
/// <param name="Body">The typed fields; null only for a stored type this build does not know.</param>
public sealed record KioskEvent(long Seq, string Id, DateTimeOffset Ts, string Type, KioskEventBody? Body, string Json)
{
    /// <summary>RFC 3339 UTC with milliseconds, the timestamp format of every payload (<see cref="WireTimestamp"/>).</summary>
    public static string FormatTimestamp(DateTimeOffset ts) => WireTimestamp.Format(ts);

    /// <summary>The fields after the envelope, as a JSON object (for local display and tests).</summary>
    public JsonObject Fields
    {
        get
        {
            var o = ToJsonObject();
            foreach (var key in (string[])["id", "seq", "ts", "type", "epoch"])
            {
                o.Remove(key);
            }

            return o;
        }
    }

    /// <summary>The whole event as a JSON object (kioskctl events).</summary>
    public JsonObject ToJsonObject() => JsonNode.Parse(Json)!.AsObject();

    public string ToJson() => Json;
}
