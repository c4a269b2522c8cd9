using Kiosk.Edge.Commands;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Json;
using CommandRequest = Kiosk.Edge.Commands.CommandRequest;

namespace Kiosk.Edge.Intercom;

/// <summary><c>ack_help</c>: an operator answered the call; clears the help indicator. No arguments.</summary>
internal sealed class AckHelpCommand(HelpCall help) : KioskCommand
{
    public override string Name => CommandNames.AckHelp;

    public override ValueTask<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var cleared = help.Acknowledge(request.Via, request.Sub);
        return ValueTask.FromResult(CommandResult.Success(new AckHelpResult(cleared), ContractJsonContext.Default.AckHelpResult));
    }
}
