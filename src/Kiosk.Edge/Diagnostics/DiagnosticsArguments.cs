using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiosk.Edge.Diagnostics;

/// <summary>Reads the optional <c>checks</c> argument: an array of check names (or, from kioskctl, "a,b").</summary>
internal static class DiagnosticsArguments
{
    /// <summary>False when <c>checks</c> has the wrong shape; null names means all checks.</summary>
    public static bool TryChecks(JsonNode? node, out IReadOnlyList<string>? names)
    {
        names = null;
        switch (node)
        {
            case null:
                return true;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                names = [.. v.GetValue<string>().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                return true;
            case JsonArray a when a.All(i => i?.GetValueKind() == JsonValueKind.String):
                names = [.. a.Select(i => i!.GetValue<string>())];
                return true;
            default:
                return false;
        }
    }
}
