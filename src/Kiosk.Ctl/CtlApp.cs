using System.CommandLine;
using System.CommandLine.Invocation;
using Kiosk.Ctl.Announce;
using Kiosk.Ctl.Completion;
using Kiosk.Ctl.Config;
using Kiosk.Ctl.Diag;
using Kiosk.Ctl.Doors;
using Kiosk.Ctl.Events;
using Kiosk.Ctl.Keys;
using Kiosk.Ctl.Maintenance;
using Kiosk.Ctl.Power;
using Kiosk.Ctl.Sim;
using Kiosk.Ctl.Status;
using Kiosk.Ctl.Tokens;
using Kiosk.Ctl.Watch;

namespace Kiosk.Ctl;

/// <summary>
/// kioskctl: maintenance and development command line for the kiosk service, on System.CommandLine.
/// A verb is a folder with one <c>XCommand.Create(CtlContext)</c>; adding one is a line in <see cref="Verbs"/>.
/// </summary>
internal static class CtlApp
{
    /// <summary>The verbs, in the order help lists them.</summary>
    private static readonly Func<CtlContext, Command>[] Verbs =
    [
        StatusCommand.Create,
        EventsCommand.Create,
        WatchCommand.Create,
        DiagCommand.Create,
        DoorCommand.Create,
        PowerCommand.Create,
        AnnounceCommand.Create,
        MaintenanceCommand.Create,
        SimCommand.Create,
        ConfigCommand.Create,
        KeysCommand.Create,
        TokenCommand.Create,
        CompletionCommand.Create,
    ];

    private const string Description = """
        kioskctl: maintenance and development tool for the kiosk service (kiosk-edge), on the board.
        Exit codes: 0 ok, 1 a check failed or the service refused, 2 usage error, 3 service unreachable,
        4 refused (diag --actuate outside maintenance mode, maintenance on without root).
        """;

    /// <summary>The whole command tree, for one run (symbols are not shared between runs).</summary>
    public static RootCommand CreateRoot(CtlContext context)
    {
        var root = new RootCommand(Description);
        root.Options.Add(context.Socket);
        foreach (var verb in Verbs)
        {
            root.Subcommands.Add(verb(context));
        }

        AskForTheVerb(root, context.Io);
        return root;
    }

    /// <summary>
    /// Gives every group (kioskctl itself, sim, config, keys, token) an action that names its verbs. Without
    /// one the parser reports "Required command was not provided." for a group given no verb, and also above
    /// the suggestion for a mistyped one, where it misleads: a verb was given, just not a known one.
    /// </summary>
    private static void AskForTheVerb(Command group, CtlIo io)
    {
        foreach (var sub in group.Subcommands)
        {
            AskForTheVerb(sub, io);
        }

        if (group.Subcommands.Count == 0 || group.Action is not null)
        {
            return;
        }

        group.SetAction(_ =>
        {
            io.Error.WriteLine($"kioskctl: no verb given; {Path(group)} takes one of: {string.Join(", ", group.Subcommands.Select(c => c.Name))}");
            io.Error.WriteLine($"usage: {Path(group)} --help shows how to use it");
            return ExitCodes.Usage;
        });
    }

    /// <summary>Runs kioskctl in plain mode (tests, scripts): nothing read from stdin.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, CtlIo.Plain(stdout, stderr), cancellationToken);

    /// <summary>Parses and runs one command line; returns the exit code (<see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CtlIo io, CancellationToken cancellationToken = default)
    {
        var context = new CtlContext(io);
        var parse = CreateRoot(context).Parse(args);
        var invocation = new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false };
        if (parse.Action is ParseErrorAction errors)
        {
            // The library prints the errors and the typo suggestions; kioskctl's usage errors exit 2, not 1.
            // Everything about a usage error, suggestions included, goes to stderr.
            errors.ShowHelp = false;
            await parse.InvokeAsync(new InvocationConfiguration { Output = io.Error, Error = io.Error }, cancellationToken).ConfigureAwait(false);
            io.Error.WriteLine($"usage: {Path(parse.CommandResult.Command)} --help shows how to use it");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (CtlException e)
        {
            io.Error.WriteLine($"kioskctl: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: System.CommandLine cancels the action's token on SIGINT/SIGTERM.
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>"kioskctl sim door" for the sim door command.</summary>
    private static string Path(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c is RootCommand ? "kioskctl" : c.Name);
        }

        return string.Join(' ', names);
    }
}
