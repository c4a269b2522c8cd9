using System.CommandLine;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Sim;

/// <summary><c>kioskctl sim scan TEXT</c>: the scanner reads TEXT (a bare token or a URL whose t= holds it).</summary>
internal static class SimScanCommand
{
    public static Command Create(CtlContext context)
    {
        var text = new Argument<string>("text") { Description = "what the scanner reads: a bare token, or a URL whose query parameter t holds it (quote it)" };
        return SimRequest.Create(context, "scan", "Scan a pass as the QR scanner would.", parse => new JsonObject { ["text"] = parse.GetRequiredValue(text) }, text);
    }
}
