using System.Text.Json.Nodes;
using Kiosk.Edge.Control;

namespace Kiosk.Tests.Ctl.Sim;

/// <summary>A control operation that answers with the request it got: what kioskctl sent, as JSON.</summary>
internal sealed class EchoOperation(string name) : ControlOperation
{
    public override string Name => name;

    public override ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken) =>
        ValueTask.FromResult<JsonNode?>(new JsonObject { ["op"] = name, ["args"] = args.ToJsonString() });
}
