using System.Text.Json.Nodes;
using Kiosk.Edge.Commands;

namespace Kiosk.Edge.Intercom;

/// <summary><c>ack_help</c>: an operator answered the call; clears the help indicator. No arguments.</summary>
internal sealed class AckHelpCommand(HelpCall help) : KioskCommand
{
    public override string Name => "ack_help";

    public override ValueTask<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var cleared = help.Acknowledge(request.Via, request.Sub);
        return ValueTask.FromResult(CommandResult.Success(new JsonObject { ["cleared"] = cleared }));
    }
}
