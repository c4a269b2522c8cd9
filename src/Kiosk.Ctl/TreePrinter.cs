using System.Text.Json.Nodes;

namespace Kiosk.Ctl;

/// <summary>Prints a JSON tree as indented "key: value" lines, for people (the non-<c>--json</c> form of results).</summary>
internal static class TreePrinter
{
    public static void Print(TextWriter output, JsonNode? node, int indent = 0)
    {
        var pad = new string(' ', indent * 2);
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (value is JsonObject or JsonArray { Count: > 0 } && !IsFlat(value))
                    {
                        output.WriteLine($"{pad}{key}:");
                        Print(output, value, indent + 1);
                    }
                    else
                    {
                        output.WriteLine($"{pad}{key}: {JsonText.Of(value)}");
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    output.WriteLine($"{pad}- {JsonText.Of(item)}");
                }

                break;
            default:
                output.WriteLine($"{pad}{JsonText.Of(node)}");
                break;
        }
    }

    private static bool IsFlat(JsonNode value) =>
        value is JsonArray a && a.All(i => i is not JsonObject and not JsonArray);
}
