using System.CommandLine;
using System.Text.Json.Nodes;

namespace Kiosk.Ctl.Sim;

/// <summary>
/// Builds <c>kioskctl sim NAME</c>: sends the control operation <c>sim.NAME</c> with the arguments the
/// verb builds from its options, and prints the result ("ok" when there is none).
/// </summary>
internal static class SimRequest
{
    public static Command Create(CtlContext context, string name, string description, Func<ParseResult, JsonObject> arguments, params Symbol[] symbols)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
            }
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = await context.Client(parse).RequestAsync("sim." + name, arguments(parse), cancellationToken).ConfigureAwait(false);
            TreePrinter.Print(context.Out, result ?? JsonValue.Create("ok"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Adds <c>name</c> to the arguments when the option has a value.</summary>
    public static JsonObject With(this JsonObject arguments, string name, string? value)
    {
        if (value is not null)
        {
            arguments[name] = value;
        }

        return arguments;
    }
}
