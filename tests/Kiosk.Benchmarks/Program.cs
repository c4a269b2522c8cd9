using BenchmarkDotNet.Running;

namespace Kiosk.Benchmarks;

/// <summary>
/// Every benchmark of the repository, chosen on the command line, e.g.
/// <c>dotnet run -c Release --project tests/Kiosk.Benchmarks -- --filter '*TokenValidation*'</c>;
/// CI smoke: <c>--filter '*' --job dry</c>; quick local look: add <c>--job short</c> or <c>--inProcess</c>.
/// </summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        // Each job rebuilds this project in a child process; on a loaded 2-core CI machine that exceeds
        // BenchmarkDotNet's 2-minute default. (A config's BuildTimeout is overridden by the command line's default.)
        if (!args.Contains("--buildTimeout", StringComparer.OrdinalIgnoreCase))
        {
            args = [.. args, "--buildTimeout", "900"];
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
