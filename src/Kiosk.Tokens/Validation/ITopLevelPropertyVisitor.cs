using System.Text.Json;

namespace Kiosk.Tokens.Validation;

/// <summary>Reads the top-level members of a JSON object that <see cref="GuardedJsonObject"/> walks.</summary>
internal interface ITopLevelPropertyVisitor
{
    /// <summary>
    /// Called with <paramref name="reader"/> on a top-level property name. May read that member's value
    /// (then it must leave the reader on the value's last token); members it does not know it leaves
    /// unread. False means malformed and stops the walk.
    /// </summary>
    bool Visit(ref Utf8JsonReader reader);
}
