using System.Text.Json;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Json;
using Kiosk.Contract.Vocabulary;
using Kiosk.Edge.Commands;
using CommandRequest = Kiosk.Edge.Commands.CommandRequest;

namespace Kiosk.Edge.Doors.Commands;

/// <summary><c>mode</c> (<c>door</c> optional, <c>mode</c>: normal | hold_open | out_of_service).</summary>
internal sealed class ModeCommand(DoorRegistry doors) : KioskCommand
{
    public override string Name => CommandNames.Mode;

    public override ValueTask<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        // Every argument is checked before anything changes.
        if (!DoorArguments.TryDoor(request.Arguments, doors, out var door, out var failure))
        {
            return ValueTask.FromResult(failure!);
        }

        if (!request.Arguments.TryGetProperty("mode", out var value)
            || value.ValueKind != JsonValueKind.String
            || !Doors.DoorModes.TryParse(value.GetString(), out var mode))
        {
            return ValueTask.FromResult(CommandResult.Fail(DenyReasons.BadArguments));
        }

        var changed = door.SetMode(mode, DoorArguments.Via(request.Via), request.Sub);
        return ValueTask.FromResult(CommandResult.Success(new ModeResult(door.Id, door.Mode.ToWire(), changed), ContractJsonContext.Default.ModeResult));
    }
}
