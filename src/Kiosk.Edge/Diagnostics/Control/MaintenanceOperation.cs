using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.State;

namespace Kiosk.Edge.Diagnostics.Control;

/// <summary>
/// <c>maintenance</c> {action: on|off|status}. <c>on</c> needs local root (uid 0 by SO_PEERCRED):
/// the socket's group lets the crew read and command, but unlocking actuator tests takes more.
/// <c>off</c> is open to every caller, since it only takes privileges away. Recorded as
/// maintenance.on/off with via manual.
/// </summary>
internal sealed class MaintenanceOperation(MaintenanceMode mode, StateBoard state) : ControlOperation
{
    public override string Name => "maintenance";

    public override ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        var action = args["action"] is { } a && a.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() : "status";
        switch (action)
        {
            case "on":
                if (!session.IsRoot)
                {
                    throw new ControlException($"maintenance on needs local root (uid 0); this caller is uid {session.PeerUid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}: run `sudo kioskctl maintenance on`, or scan a maintenance pass");
                }

                mode.Enter("manual", null);
                break;
            case "off":
                mode.Exit("manual", null);
                break;
            case "status":
                break;
            default:
                throw new ControlException("action must be on, off or status");
        }

        return ValueTask.FromResult<JsonNode?>(state.Get("maintenance") ?? new JsonObject { ["active"] = mode.IsActive });
    }
}
