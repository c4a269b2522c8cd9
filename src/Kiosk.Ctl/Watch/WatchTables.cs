using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Kiosk.Ctl.Watch;

/// <summary>The tables of a watch frame: a state section by id, and the latest events.</summary>
internal static class WatchTables
{
    /// <summary>
    /// A section of entries by id (doors, circuits, cabins): a row per id, a column per field the entries
    /// have (watts with their unit); "-" for a missing section or field.
    /// </summary>
    public static IRenderable Section(JsonNode? section, string idHeader, bool terminal)
    {
        if (section is not JsonObject o || o.Count == 0)
        {
            return new Text(section is null or JsonObject ? "-" : JsonText.Of(section));
        }

        var fields = o.Select(p => p.Value).OfType<JsonObject>().SelectMany(v => v.Select(f => f.Key)).Distinct(StringComparer.Ordinal).ToList();
        var table = CtlTables.Create(terminal, [idHeader, .. fields.Count > 0 ? fields : ["value"]]);
        foreach (var (id, value) in o)
        {
            IEnumerable<string> cells = value is JsonObject entry
                ? fields.Select(f => Cell(f, entry[f]))
                : [JsonText.Of(value), .. Enumerable.Repeat(string.Empty, Math.Max(0, fields.Count - 1))];
            table.AddRow([new Text(id), .. cells.Select(c => new Text(c))]);
        }

        return table;
    }

    /// <summary>The latest events: seq, time, type and the other fields as key=value.</summary>
    public static IRenderable Events(IEnumerable<JsonObject> events, bool terminal)
    {
        var list = events.ToList();
        if (list.Count == 0)
        {
            return new Text("-");
        }

        var table = CtlTables.Create(terminal, "seq", "ts", "type", "fields");
        table.Columns[0].RightAligned();
        foreach (var e in list)
        {
            var rest = string.Join(' ', e.Where(p => p.Key is not ("id" or "seq" or "ts" or "type" or "epoch")).Select(p => $"{p.Key}={JsonText.Of(p.Value)}"));
            table.AddRow(new Text(JsonText.Of(e["seq"])), new Text(JsonText.Of(e["ts"])), new Text(JsonText.Of(e["type"])), new Text(rest));
        }

        return table;
    }

    /// <summary>An object's fields as key=value, watts with their unit; nested objects in braces.</summary>
    public static string Flat(JsonNode? node)
    {
        if (node is not JsonObject o)
        {
            return JsonText.Of(node);
        }

        if (o.Count == 0)
        {
            return "-";
        }

        return string.Join("  ", o.Select(p => p.Value switch
        {
            JsonObject inner => $"{p.Key}={{{Flat(inner)}}}",
            _ => $"{p.Key}={Cell(p.Key, p.Value)}",
        }));
    }

    private static string Cell(string field, JsonNode? value) => value switch
    {
        JsonObject inner => Flat(inner),
        JsonValue w when field.Equals("watts", StringComparison.OrdinalIgnoreCase) && w.TryGetValue<double>(out var watts) =>
            $"{watts.ToString("0", CultureInfo.InvariantCulture)} W",
        _ => JsonText.Of(value),
    };
}
