using System.Text.Json;

namespace Kiosk.Edge.Messaging.Commands;

/// <summary>
/// Finds the request id (<c>"id"</c>, a string member of the top-level object) in a command payload
/// that cannot be used as a whole: too large, truncated, or otherwise broken after the id. Reads
/// forward only and allocates nothing but the id, so a payload of any size costs one pass.
/// </summary>
internal static class RequestIdReader
{
    /// <summary>The first top-level <c>id</c> string, or null when there is none before the JSON breaks.</summary>
    public static string? Find(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isId)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Broken before any id: nothing to address a reply to.
        }

        return null;
    }
}
