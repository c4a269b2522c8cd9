using System.Diagnostics;

namespace Kiosk.Ctl;

/// <summary>
/// <c>kioskctl config check [--file PATH]</c>: the service's own configuration check
/// (<c>kiosk-edge --check-config</c>: same sources, same validators, the pin map), runnable before the
/// first start. Prints every missing or invalid key; exit 0 complete, 1 problems, 3 service binary not found.
/// </summary>
internal static class ConfigVerb
{
    /// <summary>Overrides where the service binary is (development: the build output).</summary>
    public const string BinaryVariable = "KIOSK_EDGE_BINARY";

    public const string InstalledBinary = "/usr/lib/kiosk-edge/kiosk-edge";

    public static int Run(ArgReader args, TextWriter stdout)
    {
        if (args.Positional is not [_, "check"])
        {
            throw new CtlException("usage: kioskctl config check [--file PATH]");
        }

        var file = args.Option("file");
        args.EnsureAllUsed();
        var binary = ResolveBinary();
        var psi = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--check-config");
        // The check must judge what systemd will run: the Production settings, not a developer's shell.
        psi.Environment["DOTNET_ENVIRONMENT"] = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        if (file is not null)
        {
            psi.Environment["KIOSK_CONFIG"] = Path.GetFullPath(file);
        }

        using var process = Process.Start(psi) ?? throw new CtlException($"cannot run {binary}") { ExitCode = 3 };
        var stderrTask = process.StandardError.ReadToEndAsync();
        stdout.Write(process.StandardOutput.ReadToEnd());
        stdout.Write(stderrTask.GetAwaiter().GetResult());
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
            : throw new CtlException($"the service binary {path} is not there (is kiosk-edge installed? set {BinaryVariable})") { ExitCode = 3 };
    }
}
