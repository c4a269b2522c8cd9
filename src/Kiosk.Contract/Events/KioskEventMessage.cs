using System.Text.Json;
using Kiosk.Contract.Json;

namespace Kiosk.Contract.Events;

/// <summary>
/// One event as a consumer reads it from <c>{root}/{kioskId}/events</c>: the <see cref="Envelope"/> (de-duplicate
/// by <c>id</c>, track <c>seq</c>), the typed <see cref="Body"/> chosen by <c>type</c>, and the whole object as
/// <see cref="Raw"/> JSON, which is all there is for a type this library does not know (a newer kiosk).
/// </summary>
public sealed class KioskEventMessage
{
    private KioskEventMessage(EventEnvelope envelope, KioskEventBody? body, string? bodyError, JsonElement raw)
    {
        Envelope = envelope;
        Body = body;
        BodyError = bodyError;
        Raw = raw;
    }

    /// <summary>id, seq, ts and type.</summary>
    public EventEnvelope Envelope { get; }

    /// <summary>The typed fields; null for an unknown type or fields that do not fit the record (<see cref="BodyError"/>).</summary>
    public KioskEventBody? Body { get; }

    /// <summary>Why a known type's fields did not fit its record; null otherwise.</summary>
    public string? BodyError { get; }

    /// <summary>The whole event object, as received (detached from any buffer).</summary>
    public JsonElement Raw { get; }

    /// <summary>Whether <c>type</c> names a record this library knows.</summary>
    public bool IsKnownType => EventCatalog.TryGetTypeInfo(Envelope.Type, out _);

    /// <summary>The body as <typeparamref name="T"/>, when it is one.</summary>
    public bool TryGetBody<T>(out T body)
        where T : KioskEventBody
    {
        body = (Body as T)!;
        return body is not null;
    }

    /// <summary>Reads one event message (UTF-8 JSON).</summary>
    /// <exception cref="FormatException">Not a JSON object, or the envelope is missing or wrong (the message names the field).</exception>
    public static KioskEventMessage Parse(ReadOnlyMemory<byte> utf8) =>
        TryParse(utf8, out var message, out var error) ? message : throw new FormatException(error);

    /// <summary>Reads one event message; false with a specific <paramref name="error"/> when the envelope is not readable.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> utf8, out KioskEventMessage message, out string error)
    {
        message = null!;
        JsonElement raw;
        try
        {
            using var doc = JsonDocument.Parse(utf8);
            raw = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            error = "not JSON: " + e.Message;
            return false;
        }

        if (raw.ValueKind != JsonValueKind.Object)
        {
            error = "an event is a JSON object";
            return false;
        }

        if (!TryString(raw, "id", out var id) || id.Length == 0)
        {
            error = "event without a string id";
            return false;
        }

        if (!raw.TryGetProperty("seq", out var seqElement) || seqElement.ValueKind != JsonValueKind.Number || !seqElement.TryGetInt64(out var seq))
        {
            error = $"event {id} without an integer seq";
            return false;
        }

        if (!TryString(raw, "ts", out var tsText) || !WireTimestamp.TryParse(tsText, out var ts))
        {
            error = $"event {id} without an RFC 3339 ts";
            return false;
        }

        if (!TryString(raw, "type", out var type) || type.Length == 0)
        {
            error = $"event {id} without a string type";
            return false;
        }

        KioskEventBody? body = null;
        string? bodyError = null;
        if (EventCatalog.TryGetTypeInfo(type, out var info))
        {
            try
            {
                body = (KioskEventBody?)raw.Deserialize(info);
            }
            catch (JsonException e)
            {
                bodyError = $"{type} fields do not fit {info.Type.Name}: {e.Message}";
            }
        }

        var epoch = TryString(raw, "epoch", out var epochText) ? epochText : null;
        message = new KioskEventMessage(new EventEnvelope(id, seq, ts, type) { Epoch = epoch }, body, bodyError, raw);
        error = "";
        return true;
    }

    private static bool TryString(JsonElement o, string name, out string value)
    {
        value = o.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "";
        return e.ValueKind == JsonValueKind.String;
    }
}
