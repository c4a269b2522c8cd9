using System.Text.Json.Nodes;

namespace Kiosk.Edge.Diagnostics.Actuators;

/// <summary>
/// A test that moves hardware (kioskctl diag --actuate NAME): it drives an output briefly and
/// reports what it observed. Only run in maintenance mode (<see cref="Control.ActuateOperation"/>
/// checks it). Features register theirs with <c>services.AddSingleton&lt;Actuator, X&gt;()</c>.
/// </summary>
internal abstract class Actuator
{
    /// <summary>lock, circuit, amp.</summary>
    public abstract string Name { get; }

    /// <summary>Runs the test; throws <see cref="Kiosk.Edge.Control.ControlException"/> for bad arguments (nothing moved).</summary>
    public abstract ValueTask<JsonObject> RunAsync(JsonObject args, CancellationToken cancellationToken);
}
