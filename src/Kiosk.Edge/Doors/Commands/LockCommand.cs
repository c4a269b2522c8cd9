using Kiosk.Contract.Commands;
using Kiosk.Contract.Json;
using Kiosk.Edge.Commands;
using CommandRequest = Kiosk.Edge.Commands.CommandRequest;

namespace Kiosk.Edge.Doors.Commands;

/// <summary><c>lock</c> (<c>door</c>, optional: the default door): relocks now, ending any unlock time or hold_open.</summary>
internal sealed class LockCommand(DoorRegistry doors) : KioskCommand
{
    public override string Name => CommandNames.Lock;

    public override ValueTask<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!DoorArguments.TryDoor(request.Arguments, doors, out var door, out var failure))
        {
            return ValueTask.FromResult(failure!);
        }

        door.Lock(DoorArguments.Via(request.Via), request.Sub);
        return ValueTask.FromResult(CommandResult.Success(
            new LockResult(door.Id, door.IsLocked ? "locked" : "unlocked", door.Mode.ToWire()), ContractJsonContext.Default.LockResult));
    }
}
