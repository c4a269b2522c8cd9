using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace Kiosk.Tokens.Validation;

/// <summary>
/// The JSON rule shared by the JOSE header and the claims set (RFC 7515 section 4, RFC 7519 section 4):
/// valid UTF-8 holding exactly one JSON object (RFC 8259), nested at most
/// <see cref="PropertyNameGuard.MaxDepth"/> deep, with no name repeated within any object
/// (<see cref="PropertyNameGuard"/>). Hands each top-level member to a visitor.
/// </summary>
internal static class GuardedJsonObject
{
    /// <summary>Walks <paramref name="json"/>; false if it breaks the rule or the visitor refuses a member. Never throws.</summary>
    public static bool TryWalk<TVisitor>(ReadOnlySpan<byte> json, ref TVisitor visitor)
        where TVisitor : struct, ITopLevelPropertyVisitor
    {
        if (!Utf8.IsValid(json))
        {
            return false;
        }

        var names = ArrayPool<byte>.Shared.Rent(json.Length + 8);
        try
        {
            var guard = new PropertyNameGuard(names);
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = PropertyNameGuard.MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            guard.EnterObject();
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        guard.EnterObject();
                        break;
                    case JsonTokenType.EndObject:
                        guard.ExitObject();
                        break;
                    case JsonTokenType.PropertyName:
                        if (!guard.TryAdd(ref reader) || (reader.CurrentDepth == 1 && !visitor.Visit(ref reader)))
                        {
                            return false;
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Syntax errors, trailing text, depth over the limit.
            return false;
        }
        catch (InvalidOperationException)
        {
            // A visitor read a value as the wrong type.
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(names);
        }

        return true;
    }
}
