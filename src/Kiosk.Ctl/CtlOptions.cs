using System.CommandLine;

namespace Kiosk.Ctl;

/// <summary>Options several verbs share, one spelling and one help text each (a new instance per command).</summary>
internal static class CtlOptions
{
    public static Option<string> Door(string what = "the door") => new("--door")
    {
        Description = $"{what}: a door (cabin) id from Doors:{{id}}; default: the kiosk's first door",
        HelpName = "D",
    };

    public static Option<string> Circuit(string what, bool required) => new("--circuit")
    {
        Description = $"{what}: a circuit id from Power:Circuits:{{id}}",
        HelpName = "C",
        Required = required,
    };

    public static Option<bool> Json(string what) => new("--json")
    {
        Description = $"print {what} as JSON (stable, for scripts) instead of text",
    };
}
