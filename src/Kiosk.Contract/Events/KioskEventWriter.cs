using System.Buffers;
using System.Text.Json;
using Kiosk.Contract.Json;

namespace Kiosk.Contract.Events;

/// <summary>
/// Writes an event in its wire shape: the envelope (<c>id</c>, <c>seq</c>, <c>ts</c>, <c>type</c>) followed by
/// the record's fields in one flat UTF-8 JSON object, with the source-generated metadata (no reflection).
/// </summary>
public static class KioskEventWriter
{
    /// <summary>The UTF-8 JSON of one event; <paramref name="envelope"/>'s type must be <paramref name="body"/>'s.</summary>
    /// <exception cref="ArgumentException">The envelope's type is not the body's.</exception>
    /// <exception cref="InvalidOperationException">The body's record type is not registered.</exception>
    public static byte[] Serialize(EventEnvelope envelope, KioskEventBody body)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(body);
        var info = EventCatalog.TypeInfoOf(body.GetType());
        if (!string.Equals(envelope.Type, body.Type, StringComparison.Ordinal))
        {
            throw new ArgumentException($"envelope type {envelope.Type} does not match the body's {body.Type}", nameof(envelope));
        }

        var fields = JsonSerializer.SerializeToUtf8Bytes(body, info);
        var buffer = new ArrayBufferWriter<byte>(fields.Length + 128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", envelope.Id);
            writer.WriteNumber("seq", envelope.Seq);
            writer.WriteString("ts", WireTimestamp.Format(envelope.Ts));
            writer.WriteString("type", envelope.Type);
            if (envelope.Epoch is not null)
            {
                writer.WriteString("epoch", envelope.Epoch);
            }

            writer.Flush();
        }

        // The body is an object: its properties continue the envelope's object ("{}" adds none).
        var rest = fields.AsSpan(1);
        if (rest.Length > 1)
        {
            buffer.Write(","u8);
        }

        buffer.Write(rest);
        return buffer.WrittenSpan.ToArray();
    }
}
