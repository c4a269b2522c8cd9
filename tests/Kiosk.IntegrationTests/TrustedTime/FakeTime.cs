namespace Kiosk.IntegrationTests.TrustedTime;

/// <summary>
/// libfaketime (Debian package <c>faketime</c>, installed by tests/run-all.sh) preloaded into a child
/// process: its wall clock is shifted, its monotonic clock left alone. LD_PRELOAD works the same for
/// <c>dotnet kiosk-edge.dll</c> and a Native AOT binary.
/// </summary>
internal static class FakeTime
{
    private static readonly string[] Candidates =
    [
        "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/faketime/libfaketime.so.1",
    ];

    /// <summary>The environment that shifts the child's wall clock by <paramref name="shift"/> (e.g. -3600 s).</summary>
    public static Dictionary<string, string> Shifted(TimeSpan shift)
    {
        var library = Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("libfaketime not found: install the Debian package 'faketime' (tests/run-all.sh does)");
        return new Dictionary<string, string>
        {
            ["LD_PRELOAD"] = library,
            ["FAKETIME"] = $"{(long)shift.TotalSeconds:+0;-0}s",
            ["FAKETIME_DONT_FAKE_MONOTONIC"] = "1",
            // Read FAKETIME once: no per-call file or environment lookups in the runtime's hot paths.
            ["FAKETIME_NO_CACHE"] = "0",
        };
    }
}
