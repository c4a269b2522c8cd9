using System.Text.Json;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Json;
using Kiosk.Contract.Vocabulary;
using Kiosk.Edge.Commands;
using CommandRequest = Kiosk.Edge.Commands.CommandRequest;

namespace Kiosk.Edge.Power;

/// <summary>
/// <c>power</c> (<c>circuit</c>, <c>action</c>: on | off | reset), for operators and maintenance.
/// A missing or unknown circuit or action is <c>bad_arguments</c> and changes nothing.
/// </summary>
internal sealed class PowerCommand(PowerGuard guard) : KioskCommand
{
    public override string Name => CommandNames.Power;

    public override ValueTask<CommandResult> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Arguments.ValueKind != JsonValueKind.Object
            || Text(request.Arguments, "circuit") is not { } circuit
            || Text(request.Arguments, "action") is not { } actionName
            || Parse(actionName) is not { } action)
        {
            return ValueTask.FromResult(CommandResult.Fail(DenyReasons.BadArguments));
        }

        var via = request.Via == CommandVia.Remote ? Vias.Remote : Vias.Manual;
        var result = guard.Operate(circuit, action, via, request.Sub);
        return ValueTask.FromResult(result is null ? CommandResult.Fail(DenyReasons.BadArguments) : CommandResult.Success(result, ContractJsonContext.Default.PowerResult));
    }

    private static string? Text(JsonElement arguments, string name) =>
        arguments.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static PowerAction? Parse(string action) => action switch
    {
        PowerActions.On => PowerAction.On,
        PowerActions.Off => PowerAction.Off,
        PowerActions.Reset => PowerAction.Reset,
        _ => null,
    };
}
