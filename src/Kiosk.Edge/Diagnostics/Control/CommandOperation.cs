using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Commands;
using Kiosk.Edge.Control;

namespace Kiosk.Edge.Diagnostics.Control;

/// <summary>
/// <c>command</c> {name, args}: runs a contract command locally through the same
/// <see cref="CommandRouter"/> as MQTT commands, as <c>Via=Manual</c> with role maintenance and no
/// sub, so it is recorded with <c>via: manual</c>. The socket's permissions authorise the caller.
/// A refusal comes back as the command's contract reason.
/// </summary>
internal sealed class CommandOperation(CommandRouter router) : ControlOperation
{
    private static long _next;

    public override string Name => "command";

    public override async ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        var name = args["name"] is { } n && n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : throw new ControlException("name must be a command name");
        var arguments = args["args"] ?? new JsonObject();
        if (arguments is not JsonObject)
        {
            throw new ControlException("args must be a JSON object");
        }

        var id = "local-" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        using var doc = JsonDocument.Parse(arguments.ToJsonString());
        var request = new CommandRequest(name, id, CommandVia.Manual, null, "maintenance", doc.RootElement.Clone());
        var result = await router.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        if (!result.Ok)
        {
            throw new ControlException(result.Error == "unknown_command"
                ? $"{name}: unknown_command (this kiosk has: {string.Join(", ", router.Names.Order(StringComparer.Ordinal))})"
                : $"{name}: {result.Error}");
        }

        return result.Result;
    }
}
