using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Commands;
using Kiosk.Edge.Events;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Events;
using Kiosk.Contract.Json;
using Kiosk.Contract.Vocabulary;
using CommandRequest = Kiosk.Edge.Commands.CommandRequest;

namespace Kiosk.Edge.Diagnostics;

/// <summary>
/// The <c>diag</c> command (operator, maintenance; <c>checks</c> optional: an array of check names,
/// unknown names are bad_arguments): runs the checks, answers with the report document and records
/// a small <c>diag.result</c> event (summary and the warning and failing checks).
/// </summary>
internal sealed class DiagCommand(DiagnosticsRunner runner, EventJournal journal) : KioskCommand
{
    private const int MaxProblems = 10;
    private const int MaxDetail = 160;

    public override string Name => CommandNames.Diag;

    public override async ValueTask<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Arguments.ValueKind != JsonValueKind.Object)
        {
            return CommandResult.Fail("bad_arguments");
        }

        var checksNode = request.Arguments.TryGetProperty("checks", out var c) ? JsonNode.Parse(c.GetRawText()) : null;
        if (checksNode is JsonValue { } v && v.GetValueKind() == JsonValueKind.String
            || !DiagnosticsArguments.TryChecks(checksNode, out var names)
            || !runner.TrySelect(names, out var selected, out _))
        {
            // The contract's checks is an array of names; anything else, or an unknown name, changes nothing.
            return CommandResult.Fail("bad_arguments");
        }

        var report = await runner.RunAsync(selected, cancellationToken).ConfigureAwait(false);
        journal.Append(EventFields(report, request.Via));
        return CommandResult.Success(report.ToContract(), ContractJsonContext.Default.DiagReport);
    }

    internal static DiagResult EventFields(DiagnosticReport report, CommandVia via) => new(
        via == CommandVia.Remote ? Vias.Remote : Vias.Manual,
        report.Summary(),
        [.. report.Checks
            .Where(o => o.Result.Status != CheckStatus.Pass)
            .OrderByDescending(o => o.Result.Status)
            .Take(MaxProblems)
            .Select(o => new DiagProblem(
                o.Name,
                DiagnosticReport.Wire(o.Result.Status),
                o.Result.Detail.Length > MaxDetail ? o.Result.Detail[..(MaxDetail - 3)] + "..." : o.Result.Detail))]);
}
