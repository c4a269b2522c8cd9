namespace Kiosk.Edge.Commands;

/// <summary>Finds a command by name and checks the caller's role before running it.</summary>
internal sealed class CommandRouter(IEnumerable<KioskCommand> commands)
{
    private readonly Dictionary<string, KioskCommand> _commands = commands.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public IEnumerable<string> Names => _commands.Keys;

    public bool Contains(string name) => _commands.ContainsKey(name);

    public async ValueTask<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!_commands.TryGetValue(request.Name, out var command))
        {
            return CommandResult.Fail("unknown_command");
        }

        if (request.Via == CommandVia.Remote && command.AllowedRoles is { } roles && !roles.Contains(request.Role))
        {
            return CommandResult.Fail("role_forbidden");
        }

        return await command.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
