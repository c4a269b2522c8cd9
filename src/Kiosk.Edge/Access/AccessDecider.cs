using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Events;
using Kiosk.Edge.Security;
using Kiosk.Edge.TrustedTime;
using Kiosk.Tokens;
using Microsoft.Extensions.Logging;
using Kiosk.Contract.Events;

namespace Kiosk.Edge.Access;

/// <summary>
/// Decides whether a pass opens a door, the same way for the scanner and the remote <c>unlock</c>
/// command, and puts every decision on record (<c>door.opened</c> by the door, <c>door.denied</c> here).
/// Order: token checks (signature, issuer, audience, time, role granted by the key), then the door
/// (exists, role allowed, in service), then the features' gates (capacity), and last the checks that
/// use the pass up (revoked, replayed, rate limit), so a pass refused for a passing reason such as
/// <c>full</c> can be scanned again.
/// </summary>
internal sealed partial class AccessDecider(
    TrustedTokenValidator validator,
    PassAuthority authority,
    DoorRegistry doors,
    IEnumerable<AccessGate> gates,
    MaintenanceMode maintenance,
    EventJournal journal,
    ILogger<AccessDecider> logger)
{
    private readonly AccessGate[] _gates = [.. gates];

    /// <summary>A text from the scanner: the bare token or a URL carrying it in <c>t</c>.</summary>
    public AccessDecision DecideScanned(string scanned, DoorVia via)
    {
        if (!ScannedText.TryExtractToken(scanned, out var token))
        {
            return Deny(DenyReason.Malformed.ToContractString(), via, door: null, sub: null);
        }

        var result = validator.Validate(token);
        return result.IsValid
            ? DecideVerified(result.Token, via)
            : Deny(result.Reason!.Value.ToContractString(), via, door: null, sub: null);
    }

    /// <summary>Decides on a verified token.</summary>
    /// <param name="token">A token the validator accepted.</param>
    /// <param name="via">Scan or remote.</param>
    /// <param name="redeemed">True when the caller already ran the pass-consuming checks (the MQTT command path).</param>
    public AccessDecision DecideVerified(ValidatedToken token, DoorVia via, bool redeemed = false)
    {
        var role = token.Role.ToContractString();
        if (!token.IsPass)
        {
            // A command token never opens a door: it was signed for something else.
            return Deny(DenyReason.BadArguments.ToContractString(), via, token.Door, token.Sub);
        }

        if (!doors.TryResolve(token.Door, out var door))
        {
            return Deny(DenyReason.UnknownDoor.ToContractString(), via, token.Door, token.Sub);
        }

        if (!door.AllowedRoles.Contains(role))
        {
            return Deny(DenyReason.RoleForbidden.ToContractString(), via, door.Id, token.Sub);
        }

        if (door.Mode == DoorMode.OutOfService && token.Role != KioskRole.Maintenance)
        {
            return Deny(DenyReason.OutOfService.ToContractString(), via, door.Id, token.Sub);
        }

        foreach (var gate in _gates)
        {
            if (gate.Refuse(door, role, token.Sub) is { } refusal)
            {
                return Deny(refusal, via, door.Id, token.Sub);
            }
        }

        if (!redeemed && authority.Redeem(token) is { Granted: false, Reason: { } used })
        {
            return Deny(used.ToContractString(), via, door.Id, token.Sub);
        }

        if (!door.Open(new DoorOpening(via, token.Sub, role)))
        {
            return Deny(DenyReason.OutOfService.ToContractString(), via, door.Id, token.Sub);
        }

        switch (token.Role)
        {
            case KioskRole.Steward when token.Act is { } act:
                KioskEventBody? attendance = act switch
                {
                    "checkin" => new StewardCheckin(token.Sub, door.Id, via.ToWire()),
                    "checkout" => new StewardCheckout(token.Sub, door.Id, via.ToWire()),
                    _ => null,
                };
                if (attendance is not null)
                {
                    journal.Append(attendance);
                }

                break;
            case KioskRole.Maintenance:
                maintenance.Enter(via.ToWire(), token.Sub);
                break;
        }

        return AccessDecision.Grant(door.Id);
    }

    private AccessDecision Deny(string reason, DoorVia via, string? door, string? sub)
    {
        journal.Append(new DoorDenied(reason, via.ToWire(), door, sub));
        LogDenied(reason, via.ToWire(), door);
        return AccessDecision.Deny(reason, door);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pass denied: {Reason} (via {Via}, door {Door})")]
    private partial void LogDenied(string reason, string via, string? door);
}
