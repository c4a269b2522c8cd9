using System.Text;
using System.Text.Json;

namespace Kiosk.Tests.Tokens.Validation;

/// <summary>A reader positioned on the name of <c>{"c": VALUE}</c>, the way a visitor gets it.</summary>
internal static class ClaimJson
{
    public static Utf8JsonReader OnName(string valueJson)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($$"""{"c":{{valueJson}}}"""));
        reader.Read();
        reader.Read();
        return reader;
    }
}
