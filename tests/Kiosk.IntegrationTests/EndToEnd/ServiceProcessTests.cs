namespace Kiosk.IntegrationTests.EndToEnd;

/// <summary>
/// Which build the end-to-end tests run: in CI the published Native AOT executables (tests/run-all.sh sets
/// KIOSK_TEST_SERVICE and KIOSK_TEST_KIOSKCTL), for a developer the JIT build through <c>dotnet</c>.
/// </summary>
public sealed class ServiceProcessTests
{
    [Fact]
    public async Task StartAsync_PublishedBuildConfigured_RunsThatExecutableWithoutTheJit()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var kiosk = await ServiceProcess.StartAsync(KioskSettings.Isolated(), cancellationToken: ct);

        var executable = File.ResolveLinkTarget($"/proc/{kiosk.Pid}/exe", returnFinalTarget: true)!.FullName;
        var maps = await File.ReadAllTextAsync($"/proc/{kiosk.Pid}/maps", ct);
        if (RepoPaths.Published(RepoPaths.ServiceVariable) is { } published)
        {
            Assert.Equal(published, executable);
            // Native AOT: no CoreCLR and no JIT in the process.
            Assert.DoesNotContain("libcoreclr.so", maps, StringComparison.Ordinal);
            Assert.DoesNotContain("libclrjit.so", maps, StringComparison.Ordinal);
        }
        else
        {
            Assert.EndsWith("/dotnet", executable, StringComparison.Ordinal);
            Assert.Contains("libcoreclr.so", maps, StringComparison.Ordinal);
        }

        var status = await kiosk.CtlAsync("status", "--json");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal(0, await kiosk.StopAsync(TimeSpan.FromSeconds(30)));
    }
}
