using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Events;
using Kiosk.Contract.Json;
using Kiosk.Contract.Vocabulary;
using Kiosk.FleetSim.Behaviour;
using Kiosk.Tokens;

namespace Kiosk.FleetSim.Commands;

/// <summary>
/// The v1 commands on a simulated kiosk, after the token checks: each reads its arguments from the verified
/// claims (the contract's argument records), changes the model, appends the events the kiosk would, and returns
/// the contract's result record or the kiosk's deny reason (bad_arguments, unknown_door, out_of_service, full).
/// </summary>
internal static class KioskActions
{
    /// <summary>Roles that may send each command remotely (the kiosk's CommandRouter): unlock any, revoke operator, the rest operator or maintenance.</summary>
    public static bool RoleMayRun(string name, string role) => name switch
    {
        CommandNames.Unlock => true,
        CommandNames.Revoke => role == Roles.Operator,
        _ => role is Roles.Operator or Roles.Maintenance,
    };

    public static CommandOutcome Execute(KioskModel k, string name, ValidatedToken token, RevocationSet revocations)
    {
        var sub = token.Sub;
        try
        {
            return name switch
            {
                CommandNames.Unlock => Unlock(k, token),
                CommandNames.Lock => Lock(k, Args(token, ContractJsonContext.Default.LockArguments)),
                CommandNames.Mode => Mode(k, Args(token, ContractJsonContext.Default.ModeArguments), sub),
                CommandNames.Power => Power(k, Args(token, ContractJsonContext.Default.PowerArguments), sub),
                CommandNames.Announce => Announce(k, Args(token, ContractJsonContext.Default.AnnounceArguments)),
                CommandNames.AckHelp => AckHelp(k, sub),
                CommandNames.Diag => Diag(k),
                CommandNames.Revoke => Revoke(Args(token, ContractJsonContext.Default.RevokeArguments), revocations),
                _ => CommandOutcome.Fail(DenyReasons.UnknownCommand),
            };
        }
        catch (JsonException)
        {
            return CommandOutcome.Fail(DenyReasons.BadArguments);
        }
    }

    private static T Args<T>(ValidatedToken token, JsonTypeInfo<T> info) =>
        token.Claims.Deserialize(info) ?? throw new JsonException("no arguments");

    private static CommandOutcome Unlock(KioskModel k, ValidatedToken token)
    {
        var role = token.Role.ToContractString();
        if (!token.IsPass)
        {
            return Denied(k, DenyReasons.BadArguments, token.Door, token.Sub);
        }

        if (k.Door(token.Door) is not { } door)
        {
            return Denied(k, DenyReasons.UnknownDoor, token.Door, token.Sub);
        }

        if (door.Mode == DoorModes.OutOfService && token.Role != KioskRole.Maintenance)
        {
            return Denied(k, DenyReasons.OutOfService, door.Id, token.Sub);
        }

        if (token.Role == KioskRole.Worker && k.Occupants[door.Id].Count >= door.Capacity)
        {
            return Denied(k, DenyReasons.Full, door.Id, token.Sub);
        }

        door.Release(k.Now);
        k.Events.Append(new DoorOpened(door.Id, Vias.Remote, token.Sub, role), k.Now);
        if (token.Role == KioskRole.Steward && token.Act is "checkin" or "checkout")
        {
            k.Events.Append(token.Act == "checkin" ? new StewardCheckin(token.Sub, door.Id, Vias.Remote) : new StewardCheckout(token.Sub, door.Id, Vias.Remote), k.Now);
        }

        k.StateDirty = true;
        return CommandOutcome.Success(new UnlockResult(door.Id), ContractJsonContext.Default.UnlockResult);
    }

    private static CommandOutcome Denied(KioskModel k, string reason, string? door, string sub)
    {
        k.Events.Append(new DoorDenied(reason, Vias.Remote, door, sub), k.Now);
        return CommandOutcome.Fail(reason);
    }

    private static CommandOutcome Lock(KioskModel k, LockArguments args)
    {
        if (k.Door(args.Door) is not { } door)
        {
            return CommandOutcome.Fail(DenyReasons.UnknownDoor);
        }

        door.Lock();
        k.StateDirty = true;
        return CommandOutcome.Success(new LockResult(door.Id, door.State.Lock, door.Mode), ContractJsonContext.Default.LockResult);
    }

    private static CommandOutcome Mode(KioskModel k, ModeArguments args, string sub)
    {
        if (args.Mode is not (DoorModes.Normal or DoorModes.HoldOpen or DoorModes.OutOfService))
        {
            return CommandOutcome.Fail(DenyReasons.BadArguments);
        }

        if (k.Door(args.Door) is not { } door)
        {
            return CommandOutcome.Fail(DenyReasons.UnknownDoor);
        }

        var changed = door.Mode != args.Mode;
        if (changed)
        {
            door.Mode = args.Mode;
            if (args.Mode == DoorModes.HoldOpen)
            {
                door.Release(k.Now);
            }
            else
            {
                door.Lock();
            }

            k.Events.Append(new DoorModeChanged(door.Id, args.Mode, Vias.Remote, sub), k.Now);
            k.StateDirty = true;
        }

        return CommandOutcome.Success(new ModeResult(door.Id, door.Mode, changed), ContractJsonContext.Default.ModeResult);
    }

    private static CommandOutcome Power(KioskModel k, PowerArguments args, string sub)
    {
        if (args.Circuit is null || k.Circuit(args.Circuit) is not { } circuit || args.Action is not (PowerActions.On or PowerActions.Off or PowerActions.Reset))
        {
            return CommandOutcome.Fail(DenyReasons.BadArguments);
        }

        if (args.Action == PowerActions.Reset)
        {
            if (circuit.Tripped)
            {
                circuit.Restore();
                k.Events.Append(new PowerRestored(circuit.Id, "reset", Vias.Remote, sub), k.Now);
            }
        }
        else
        {
            var on = args.Action == PowerActions.On;
            circuit.Switch(on);
            k.Events.Append(new PowerSwitched(circuit.Id, on, Vias.Remote, sub), k.Now);
        }

        k.StateDirty = true;
        return CommandOutcome.Success(PowerResult.From(circuit.Id, circuit.State), ContractJsonContext.Default.PowerResult);
    }

    private static CommandOutcome Announce(KioskModel k, AnnounceArguments args)
    {
        var priority = args.Priority ?? "info";
        var volume = args.Volume ?? 70;
        if ((args.Text is null) == (args.Clip is null) || priority is not ("info" or "urgent") || volume is < 0 or > 100)
        {
            return CommandOutcome.Fail(DenyReasons.BadArguments);
        }

        var body = args.Text is { } text
            ? new IntercomAnnounced("text", priority, Math.Round(text.Length / 5.0, 2), volume, Vias.Remote, Length: text.Length)
            : new IntercomAnnounced("clip", priority, 4.0, volume, Vias.Remote, Clip: args.Clip);
        k.Events.Append(body, k.Now);
        return CommandOutcome.Success(new AnnounceResult(true, 0), ContractJsonContext.Default.AnnounceResult);
    }

    private static CommandOutcome AckHelp(KioskModel k, string sub)
    {
        var pending = k.Help.Pending;
        if (pending)
        {
            k.Events.Append(new IntercomHelpAck(Vias.Remote, k.Help.Clear(k.Now), k.Doors[0].Id, sub), k.Now);
            k.StateDirty = true;
        }

        return CommandOutcome.Success(new AckHelpResult(pending), ContractJsonContext.Default.AckHelpResult);
    }

    private static CommandOutcome Diag(KioskModel k)
    {
        DiagCheck[] checks =
        [
            new("broker", "network", "pass", "connected (simulated kiosk)", null, 0),
            new("doors", "hardware", "pass", $"{k.Doors.Count} doors answer", null, 0),
            new("power", "hardware", "pass", $"{k.Circuits.Count} circuits metered", null, 0),
        ];
        var report = new DiagReport(k.Now, k.Id, new DiagSummary(checks.Length, 0, 0), checks);
        return CommandOutcome.Success(report, ContractJsonContext.Default.DiagReport);
    }

    private static CommandOutcome Revoke(RevokeArguments args, RevocationSet revocations)
    {
        var subs = args.Subs ?? [];
        var jtis = args.Jtis ?? [];
        if (subs.Count + jtis.Count == 0)
        {
            return CommandOutcome.Fail(DenyReasons.BadArguments);
        }

        var added = revocations.Add(subs, jtis);
        return CommandOutcome.Success(new RevokeResult(subs.Count, jtis.Count, added), ContractJsonContext.Default.RevokeResult);
    }
}
