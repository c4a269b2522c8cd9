using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Commands;

namespace Kiosk.IntegrationTests.Infrastructure;

/// <summary>Test command "echo": counts executions and returns its arguments' <c>text</c> claim.</summary>
internal sealed class EchoCommand : KioskCommand
{
    private int _executions;

    public override string Name => "echo";

    public int Executions => Volatile.Read(ref _executions);

    public override ValueTask<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _executions);
        var text = request.Arguments.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return ValueTask.FromResult(text is null
            ? CommandResult.Fail("bad_arguments")
            : new CommandResult(true, new JsonObject { ["text"] = text, ["sub"] = request.Sub, ["execution"] = Executions }, null));
    }
}

/// <summary>Test stand-in for the doors engineer's unlock: any role, reports the door it would open.</summary>
internal sealed class UnlockProbeCommand : KioskCommand
{
    public override string Name => "unlock";

    public override IReadOnlySet<string>? AllowedRoles => null;

    public override ValueTask<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var door = request.Arguments.TryGetProperty("door", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : "rest";
        return ValueTask.FromResult(new CommandResult(true, new JsonObject { ["door"] = door, ["via"] = "remote" }, null));
    }
}
