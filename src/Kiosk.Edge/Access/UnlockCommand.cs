using System.Text.Json;
using Kiosk.Edge.Commands;
using Kiosk.Edge.Doors;
using Kiosk.Tokens;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Json;
using CommandRequest = Kiosk.Edge.Commands.CommandRequest;

namespace Kiosk.Edge.Access;

/// <summary>
/// The <c>unlock</c> command. Remotely its token is a pass, checked exactly as a scanned one (any
/// role allowed at the door); locally (kioskctl door unlock, via manual) it opens without a token:
/// the control socket's permissions authorise it.
/// </summary>
internal sealed class UnlockCommand(AccessDecider decider, DoorRegistry doors) : KioskCommand
{
    public override string Name => CommandNames.Unlock;

    public override IReadOnlySet<string>? AllowedRoles => null;

    public override ValueTask<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Via == CommandVia.Remote)
        {
            if (request.Token is not ValidatedToken token)
            {
                return ValueTask.FromResult(CommandResult.Fail(DenyReason.Malformed.ToContractString()));
            }

            // The MQTT command path has already run the pass-consuming checks (revoked, replayed).
            var decision = decider.DecideVerified(token, DoorVia.Remote, redeemed: true);
            return ValueTask.FromResult(decision.Granted
                ? CommandResult.Success(new UnlockResult(decision.Door!), ContractJsonContext.Default.UnlockResult)
                : CommandResult.Fail(decision.Reason!));
        }

        string? doorId = null;
        if (request.Arguments.ValueKind == JsonValueKind.Object && request.Arguments.TryGetProperty("door", out var d))
        {
            if (d.ValueKind != JsonValueKind.String)
            {
                return ValueTask.FromResult(CommandResult.Fail(DenyReason.BadArguments.ToContractString()));
            }

            doorId = d.GetString();
        }

        if (!doors.TryResolve(doorId, out var door))
        {
            return ValueTask.FromResult(CommandResult.Fail(DenyReason.UnknownDoor.ToContractString()));
        }

        door.Open(new DoorOpening(DoorVia.Manual, request.Sub, request.Role));
        return ValueTask.FromResult(CommandResult.Success(new UnlockResult(door.Id), ContractJsonContext.Default.UnlockResult));
    }
}
