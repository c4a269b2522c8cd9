using System.CommandLine;

namespace Kiosk.Ctl.Diag;

/// <summary>
/// <c>kioskctl diag [--json] [--checks a,b]</c>: the service runs its checks; a table (or the report
/// document) is printed. <c>kioskctl diag --actuate lock|circuit|amp [--door D|--circuit C] [--yes]</c>:
/// a test that moves hardware, in maintenance mode only, after the crew types "yes".
/// Exit codes (docs/diagnostics.md): 0 nothing failed (warnings allowed), 1 a check failed (or the test
/// was not confirmed), 2 usage error, 3 service unreachable, 4 refused by the service.
/// </summary>
internal static class DiagCommand
{
    public static Command Create(CtlContext context)
    {
        var json = CtlOptions.Json("the report document (docs/diagnostics.md)");
        var checks = new Option<string[]>("--checks")
        {
            Description = "run only these checks, comma-separated (e.g. inputs,clock); default: all",
            HelpName = "a,b",
            CustomParser = r => [.. r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        };
        checks.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string[]>() is [])
            {
                r.AddError("--checks: name at least one check");
            }
        });
        var actuate = new Option<string>("--actuate")
        {
            Description = "instead of the checks, a test that moves hardware (maintenance mode only): release a lock, cycle a circuit, enable the amplifier",
        };
        actuate.AcceptOnlyFromAmong("lock", "circuit", "amp");
        var door = CtlOptions.Door("with --actuate lock");
        var circuit = CtlOptions.Circuit("with --actuate circuit, required", required: false);
        var yes = new Option<bool>("--yes", "-y") { Description = "with --actuate: do not ask for confirmation" };
        var command = new Command("diag", "Run the on-device checks and print a table with a hint for every warning or failure; or, with --actuate, test a lock, circuit or amplifier.")
        {
            json, checks, actuate, door, circuit, yes,
        };
        command.Validators.Add(r =>
        {
            var target = r.GetValue(actuate);
            if (target is null && (r.Given(door) || r.Given(circuit) || r.Given(yes)))
            {
                r.AddError("--door, --circuit and --yes go with --actuate");
            }
            else if (target is not null && (r.Given(json) || r.Given(checks)))
            {
                r.AddError("--json and --checks do not go with --actuate");
            }
            else if (target == "circuit" && !r.Given(circuit))
            {
                r.AddError("--actuate circuit needs --circuit C");
            }
        });
        command.SetAction((parse, cancellationToken) => parse.GetValue(actuate) is { } target
            ? DiagActuate.RunAsync(context, parse.GetValue(door), parse.GetValue(circuit), target, parse.GetValue(yes), context.Client(parse), cancellationToken)
            : DiagChecks.RunAsync(context, parse.GetValue(checks), parse.GetValue(json), context.Client(parse), cancellationToken));
        return command;
    }
}
