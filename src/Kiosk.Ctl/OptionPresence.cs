using System.CommandLine;
using System.CommandLine.Parsing;

namespace Kiosk.Ctl;

/// <summary>
/// Whether the user typed an option. <c>GetResult</c> alone is not enough: options with a default
/// (every bool flag) get an implicit result once parsing adds defaults.
/// </summary>
internal static class OptionPresence
{
    public static bool Given(this ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    public static bool Given(this CommandResult command, Option option) => command.GetResult(option) is { Implicit: false };
}
