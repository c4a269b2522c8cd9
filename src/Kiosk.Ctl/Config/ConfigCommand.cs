using System.CommandLine;
using System.Diagnostics;

namespace Kiosk.Ctl.Config;

/// <summary>
/// <c>kioskctl config check [--file PATH]</c>: the service's own configuration check
/// (<c>kiosk-edge --check-config</c>: same sources, same validators, the pin map with the enabled buses),
/// runnable before the first start and needing no running service. Prints every missing or invalid key;
/// exit 0 complete, 1 problems, 3 the service binary is not installed.
/// </summary>
internal static class ConfigCommand
{
    /// <summary>Overrides where the service binary is (development: the build output).</summary>
    public const string BinaryVariable = "KIOSK_EDGE_BINARY";

    public const string InstalledBinary = "/usr/lib/kiosk-edge/kiosk-edge";

    public static Command Create(CtlContext context)
    {
        var file = new Option<string?>("--file")
        {
            Description = "the site configuration to check (default: $KIOSK_CONFIG, else /etc/kiosk/kiosk.json)",
            HelpName = "PATH",
        };
        var check = new Command("check", "Check the site configuration as the service will read it, before a (re)start: every missing or invalid key, by name.") { file };
        check.SetAction(parse => Check(parse.GetValue(file), context.Out));
        return new Command("config", "The site configuration (/etc/kiosk/kiosk.json).") { check };
    }

    private static int Check(string? file, TextWriter stdout)
    {
        var binary = ResolveBinary();
        var psi = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--check-config");
        // Judge what systemd will run: the Production settings, not a developer's shell.
        psi.Environment["DOTNET_ENVIRONMENT"] = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        if (file is not null)
        {
            psi.Environment["KIOSK_CONFIG"] = Path.GetFullPath(file);
        }

        using var process = Process.Start(psi) ?? throw new CtlException($"cannot run {binary}") { ExitCode = ExitCodes.Unreachable };
        var stderr = process.StandardError.ReadToEndAsync();
        stdout.Write(process.StandardOutput.ReadToEnd());
        stdout.Write(stderr.GetAwaiter().GetResult());
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>$KIOSK_EDGE_BINARY, else the service beside this kioskctl (the package's layout), else the installed path.</summary>
    private static string ResolveBinary()
    {
        if (Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var sibling = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "kiosk-edge"));
        var path = File.Exists(sibling) ? sibling : InstalledBinary;
        return File.Exists(path)
            ? path
            : throw new CtlException($"the service binary {path} is not there (is kiosk-edge installed? set {BinaryVariable})") { ExitCode = ExitCodes.Unreachable };
    }
}
