using System.CommandLine;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Sim;

/// <summary><c>kioskctl sim help [--cabin C]</c>: a press of the intercom's call (help) button.</summary>
internal static class SimHelpCommand
{
    public static Command Create(CtlContext context)
    {
        var cabin = new Option<string>("--cabin") { Description = "the cabin the call button is in (Intercom:Cabin); checked, not chosen", HelpName = "C" };
        return SimRequest.Create(context, "help", "Press the intercom's call button (raises intercom.help).", parse => new JsonObject().With("cabin", parse.GetValue(cabin)), cabin);
    }
}
