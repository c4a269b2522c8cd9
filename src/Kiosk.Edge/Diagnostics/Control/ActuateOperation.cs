using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Diagnostics.Actuators;
using Kiosk.Edge.Events;
using Kiosk.Contract.Events;
using Kiosk.Contract.Vocabulary;

namespace Kiosk.Edge.Diagnostics.Control;

/// <summary>
/// <c>diag.actuate</c> {target: lock|circuit|amp, door?, circuit?}: runs a test that moves hardware,
/// only while maintenance mode is on (kioskctl asks for confirmation first). Recorded as
/// <c>diag.actuated</c> with what was observed.
/// </summary>
internal sealed class ActuateOperation(IEnumerable<Actuator> actuators, MaintenanceMode maintenance, EventJournal journal) : ControlOperation
{
    private readonly Dictionary<string, Actuator> _actuators = actuators.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public override string Name => "diag.actuate";

    public override async ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        var target = args["target"] is { } t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
        if (target is null || !_actuators.TryGetValue(target, out var actuator))
        {
            throw new ControlException($"target must be one of: {string.Join(", ", _actuators.Keys.Order(StringComparer.Ordinal))}");
        }

        if (!maintenance.IsActive)
        {
            throw new ControlException("refused: tests that move hardware need maintenance mode; enter it with `sudo kioskctl maintenance on` or a maintenance pass");
        }

        var observed = await actuator.RunAsync(args, cancellationToken).ConfigureAwait(false);
        journal.Append(new DiagActuated(target, Vias.Manual, Text(observed, "door"), Text(observed, "circuit")));
        return observed;
    }

    private static string? Text(JsonObject observed, string key) =>
        observed[key] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
}
