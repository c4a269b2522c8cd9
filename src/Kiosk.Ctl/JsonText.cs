using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl;

/// <summary>How kioskctl shows one JSON value to people: strings bare, arrays comma-joined, missing as "-".</summary>
internal static class JsonText
{
    public static string Of(JsonNode? node) => node switch
    {
        null => "-",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray a => string.Join(", ", a.Select(Of)),
        _ => node.ToJsonString(),
    };

    /// <summary>The indented JSON that <c>--json</c> prints; its bytes are pinned by tests.</summary>
    public static string Indented(JsonNode? node) => node?.ToJsonString(IndentedOptions) ?? string.Empty;

    private static readonly JsonSerializerOptions IndentedOptions = new() { WriteIndented = true };
}
