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
