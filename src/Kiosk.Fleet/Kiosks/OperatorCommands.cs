using System.Security.Claims;
using System.Text.Json;
using Kiosk.Fleet.Accounts;
using Kiosk.Fleet.Commands;
using Kiosk.Fleet.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Kiosks;

/// <summary>
/// One operator command to one kiosk, for the HTTP API and the console alike: the role check
/// (<see cref="FleetRoles.CanOperate"/>, on the server whatever the page showed, then against the
/// account store through <see cref="CurrentRoles"/>: a role removed after sign-in counts), the kiosk and the
/// arguments checked, then signed and sent through <see cref="CommandDispatch"/> (audited there).
/// Nothing is signed, sent or audited when a check fails.
/// </summary>
internal sealed class OperatorCommands(IServiceScopeFactory scopes, IAuthorizationService authorization, CurrentRoles currentRoles, CommandDispatch dispatch)
{
    public async Task<CommandAttempt> SendAsync(ClaimsPrincipal user, string kioskId, string name, JsonElement arguments, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(user, FleetRoles.CanOperate).ConfigureAwait(false)).Succeeded)
        {
            return CommandAttempt.NotSent(CommandAttemptStatus.Forbidden, "role", "commands need the operator or admin role");
        }

        if (!await currentRoles.MayOperateAsync(user, cancellationToken).ConfigureAwait(false))
        {
            return CommandAttempt.NotSent(CommandAttemptStatus.Forbidden, "role", "this account no longer holds the operator or admin role, or its session was ended: sign in again");
        }

        KioskRow? kiosk;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FleetDb>();
            kiosk = await db.Kiosks.AsNoTracking().FirstOrDefaultAsync(k => k.Id == kioskId, cancellationToken).ConfigureAwait(false);
        }

        if (kiosk is null)
        {
            return CommandAttempt.NotSent(CommandAttemptStatus.UnknownKiosk, "id", $"kiosk '{kioskId}' is unknown");
        }

        if (!CommandCatalog.Names.Contains(name))
        {
            return CommandAttempt.NotSent(CommandAttemptStatus.UnknownCommand, "name", $"unknown command '{name}' (commands: {string.Join(", ", CommandCatalog.Names)})");
        }

        if (CommandDispatch.Check(kiosk, name, arguments) is { } bad)
        {
            return CommandAttempt.NotSent(CommandAttemptStatus.BadArguments, bad.Field, bad.Error);
        }

        var outcome = await dispatch.SendAsync(kioskId, name, arguments, user, cancellationToken).ConfigureAwait(false);
        return new CommandAttempt(CommandAttemptStatus.Sent, outcome, null, null);
    }
}

internal enum CommandAttemptStatus
{
    /// <summary>Signed and sent; <see cref="CommandAttempt.Outcome"/> tells the kiosk's answer.</summary>
    Sent,
    Forbidden,
    UnknownKiosk,
    UnknownCommand,
    BadArguments,
}

/// <summary>What became of an operator's command: sent (with the kiosk's outcome), or refused before signing (the field and why).</summary>
internal sealed record CommandAttempt(CommandAttemptStatus Status, CommandOutcome? Outcome, string? Field, string? Error)
{
    public static CommandAttempt NotSent(CommandAttemptStatus status, string field, string error) => new(status, null, field, error);
}
