using System.CommandLine;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Sim;

/// <summary><c>kioskctl sim gpio</c>: the simulated chip's lines, their mode and level.</summary>
internal static class SimGpioCommand
{
    public static Command Create(CtlContext context) =>
        SimRequest.Create(context, "gpio", "Show the simulated GPIO lines the service holds, with mode and level.", _ => new JsonObject());
}
