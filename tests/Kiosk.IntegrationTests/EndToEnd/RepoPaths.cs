using System.Diagnostics;

namespace Kiosk.IntegrationTests.EndToEnd;

/// <summary>Where the built service and CLI are, for tests that run them as real processes.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the same configuration the tests were built in.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains("/bin/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string ServiceDll => Path.Combine(Root, "src", "Kiosk.Edge", "bin", Configuration, "net10.0", "kiosk-edge.dll");

    public static string CtlDll => Path.Combine(Root, "src", "Kiosk.Ctl", "bin", Configuration, "net10.0", "kioskctl.dll");

    /// <summary>
    /// The service's command line. <c>KIOSK_TEST_SERVICE</c> names a published executable (CI: the Native AOT
    /// build from deploy/publish.sh, set by tests/run-all.sh); unset, the JIT build next to the tests runs
    /// through <c>dotnet</c>, as a developer's build.
    /// </summary>
    public static ProcessStartInfo Service() => StartInfo(ServiceVariable, ServiceDll);

    /// <summary>kioskctl's command line: <c>KIOSK_TEST_KIOSKCTL</c> as <see cref="Service"/>.</summary>
    public static ProcessStartInfo Ctl() => StartInfo(CtlVariable, CtlDll);

    public const string ServiceVariable = "KIOSK_TEST_SERVICE";

    public const string CtlVariable = "KIOSK_TEST_KIOSKCTL";

    /// <summary>The published executable a variable names, or null when the JIT build is used.</summary>
    public static string? Published(string variable)
    {
        var path = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        return File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException($"{variable} names {path}, which does not exist", path);
    }

    private static ProcessStartInfo StartInfo(string variable, string dll)
    {
        if (Published(variable) is { } executable)
        {
            return new ProcessStartInfo(executable);
        }

        var psi = new ProcessStartInfo("dotnet");
        psi.ArgumentList.Add(dll);
        return psi;
    }

    public static string DemoKey => Path.Combine(Root, "src", "Kiosk.Edge", "demo", "demo-issuer.key.pem");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kiosk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kiosk.sln not found above " + AppContext.BaseDirectory);
    }
}
