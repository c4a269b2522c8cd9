using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Contract.State;
using Kiosk.Edge.Control;
using Kiosk.Edge.Power;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics.Actuators;

/// <summary>
/// <c>circuit</c> {circuit}: switches the circuit's relay off for <see cref="DiagnosticsOptions.ActuatePulse"/>
/// and on again, and reports the meter's watts before, while off and after (a meter behind a working
/// relay falls to about 0 W). The operator's earlier on/off decision is put back afterwards.
/// </summary>
internal sealed class CircuitActuator(PowerGuard guard, IOptions<DiagnosticsOptions> options, TimeProvider time) : Actuator
{
    public override string Name => "circuit";

    public override async ValueTask<JsonObject> RunAsync(JsonObject args, CancellationToken cancellationToken)
    {
        var id = args["circuit"] is { } c && c.GetValueKind() == JsonValueKind.String ? c.GetValue<string>() : null;
        if (id is null || guard.Describe(id) is not { } before)
        {
            throw new ControlException($"circuit must be one of: {string.Join(", ", guard.CircuitIds.Order(StringComparer.Ordinal))}");
        }

        var manual = before.Manual switch { "on" => true, "off" => false, _ => (bool?)null };
        CircuitState? during;
        try
        {
            guard.Operate(id, PowerAction.Off, "manual", null);
            await Task.Delay(options.Value.ActuatePulse, time, cancellationToken).ConfigureAwait(false);
            during = guard.Describe(id);
            guard.Operate(id, PowerAction.On, "manual", null);
            await Task.Delay(options.Value.ActuatePulse, time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            guard.RestoreManual(id, manual);
        }

        var after = guard.Describe(id);
        var wattsBefore = Watts(before);
        var wattsOff = Watts(during);
        return new JsonObject
        {
            ["circuit"] = id,
            ["before"] = Summary(before),
            ["off"] = Summary(during),
            ["after"] = Summary(after),
            ["relayOff"] = during?.On == false,
            // An S0 meter estimates power from pulse intervals, so its reading lags a second-long cut.
            ["meterFell"] = wattsOff <= Math.Max(10, wattsBefore * 0.5),
        };
    }

    private static double Watts(CircuitState? state) => state?.Watts ?? 0;

    private static JsonObject Summary(CircuitState? state) => new()
    {
        ["on"] = state?.On,
        ["watts"] = state?.Watts,
        ["fault"] = state?.Fault,
    };
}
