namespace Kiosk.Edge.Commands;

/// <summary>
/// One named command of the contract (unlock, lock, mode, power, announce, ack_help, diag, revoke).
/// Features register their commands; MQTT (remote, after token verification) and kioskctl (manual)
/// both execute them through <see cref="CommandRouter"/>.
/// </summary>
internal abstract class KioskCommand
{
    public abstract string Name { get; }

    /// <summary>Roles a remote token must carry; null lets the command decide (unlock: any role allowed at the door).</summary>
    public virtual IReadOnlySet<string>? AllowedRoles { get; } = new HashSet<string>(StringComparer.Ordinal) { "operator", "maintenance" };

    /// <summary>Validates arguments (bad_arguments changes nothing) and executes.</summary>
    public abstract ValueTask<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken);
}
