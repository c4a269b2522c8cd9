using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kiosk.Tests.Contract.AsyncApi;

/// <summary>
/// Writes a JSON tree as block-style YAML (mappings indented by two spaces; scalars and arrays of scalars in
/// JSON's flow syntax, which YAML 1.2 reads as is), so generated schemas read like the hand-written ones.
/// </summary>
internal static partial class YamlText
{
    public static void Write(StringBuilder yaml, string key, JsonNode? value, int indent)
    {
        var pad = new string(' ', indent);
        yaml.Append(pad).Append(Key(key)).Append(':');
        switch (value)
        {
            case JsonObject o when o.Count > 0:
                yaml.Append('\n');
                foreach (var (k, v) in o)
                {
                    Write(yaml, k, v, indent + 2);
                }

                break;
            case JsonArray a when a.Count > 0 && a.Any(i => i is JsonObject or JsonArray):
                yaml.Append('\n');
                foreach (var item in a)
                {
                    if (item is JsonObject io && io.Count > 0)
                    {
                        var first = true;
                        foreach (var (k, v) in io)
                        {
                            var sub = new StringBuilder();
                            Write(sub, k, v, indent + 4);
                            var text = sub.ToString();
                            yaml.Append(first ? pad + "  - " + text[(indent + 4)..] : text);
                            first = false;
                        }
                    }
                    else
                    {
                        yaml.Append(pad).Append("  - ").Append(Flow(item)).Append('\n');
                    }
                }

                break;
            default:
                yaml.Append(' ').Append(Flow(value)).Append('\n');
                break;
        }
    }

    private static string Flow(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";

    private static string Key(string key) => PlainKey().IsMatch(key) ? key : JsonSerializer.Serialize(key);

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_.$-]*$")]
    private static partial Regex PlainKey();
}
