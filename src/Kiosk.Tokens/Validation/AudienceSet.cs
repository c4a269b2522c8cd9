using System.Text;
using System.Text.Json;

namespace Kiosk.Tokens.Validation;

/// <summary>
/// The audience rule (RFC 7519 section 4.1.3): <c>aud</c> is a string or an array of strings, and the
/// token is for this kiosk when one of them equals one of its names (its id or an alias), case-sensitive.
/// </summary>
internal sealed class AudienceSet
{
    private readonly byte[][] _names;

    /// <param name="names">The kiosk's id and aliases; at least one, none empty (<see cref="TokenValidator"/> checks).</param>
    public AudienceSet(IEnumerable<string> names) => _names = names.Select(Encoding.UTF8.GetBytes).ToArray();

    /// <summary>Reads the <c>aud</c> value (the reader is on its name); false means malformed.</summary>
    /// <param name="matches">Whether one of the values names this kiosk.</param>
    public bool TryRead(ref Utf8JsonReader reader, out bool matches)
    {
        matches = false;
        // The walk holds the whole text: a name is always followed by a value, or Read throws.
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            matches = Contains(ref reader);
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            matches |= Contains(ref reader);
        }

        return true;
    }

    private bool Contains(ref Utf8JsonReader reader)
    {
        foreach (var name in _names)
        {
            if (reader.ValueTextEquals(name))
            {
                return true;
            }
        }

        return false;
    }
}
