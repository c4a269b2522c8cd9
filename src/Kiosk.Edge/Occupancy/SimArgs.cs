using System.Text.Json.Nodes;

namespace Kiosk.Edge.Occupancy;

internal static class SimArgs
{
    public static string? Text(JsonObject args, string key) =>
        args[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
