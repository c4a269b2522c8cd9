using System.Text.Json.Nodes;

namespace Kiosk.Edge.Control;

/// <summary>
/// One operation of the local control socket (kioskctl). Features register theirs; the socket's
/// file permissions decide who may connect at all.
/// </summary>
internal abstract class ControlOperation
{
    /// <summary>Dotted name, e.g. <c>status</c>, <c>sim.scan</c>, <c>events</c>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Runs the operation. Returns the result to send, or writes several lines through
    /// <paramref name="session"/> (streaming) and returns null. Throws <see cref="ControlException"/>
    /// for a refusal with a message for the user.
    /// </summary>
    public abstract ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken);
}
