using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Kiosk.Ctl.Diag;

/// <summary>
/// The diag report as a table: CHECK, STATUS, DETAIL, a hint row under every warning or failure, and a
/// summary line. Statuses other than pass are upper-case so they stand out without colour too.
/// </summary>
internal static class DiagTable
{
    public static void Write(CtlContext context, JsonNode? report)
    {
        var table = CtlTables.Create(context.IsTerminal, "CHECK", "STATUS", "DETAIL");
        foreach (var check in (report?["checks"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var status = JsonText.Of(check["status"]);
            table.AddRow(
                new Text(JsonText.Of(check["name"])),
                new Text(status == "pass" ? status : status.ToUpperInvariant(), StatusStyle(status)),
                new Text(JsonText.Of(check["detail"])));
            if (check["hint"] is JsonValue hint && hint.GetValueKind() == JsonValueKind.String)
            {
                table.AddRow(Text.Empty, new Text("hint:", Color.Grey), new Text(hint.GetValue<string>(), Color.Grey));
            }
        }

        context.Write(table);
        var s = report?["summary"];
        context.Out.WriteLine($"{JsonText.Of(s?["pass"])} pass, {JsonText.Of(s?["warn"])} warn, {JsonText.Of(s?["fail"])} fail ({JsonText.Of(report?["kiosk"])}, {JsonText.Of(report?["ts"])})");
    }

    private static Style StatusStyle(string status) => status switch
    {
        "pass" => new Style(Color.Green),
        "warn" => new Style(Color.Yellow),
        _ => new Style(Color.Red, decoration: Decoration.Bold),
    };
}
