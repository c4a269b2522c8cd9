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

    [Fact]
    public async Task StartAsync_EitherBuild_AppliesTheGcSettingsOfTheProject()
    {
        // Kiosk.Edge.csproj: workstation non-concurrent GC, a 128 MB heap hard limit, conserve memory 5. They reach a
        // Native AOT binary only as compiled-in knobs (the former unit's 0x-prefixed DOTNET_ value never did).
        const string Expected = "GC: server False, concurrent False, heap hard limit 134217728 bytes, conserve memory 5";
        var ct = TestContext.Current.CancellationToken;
        await using var kiosk = await ServiceProcess.StartAsync(KioskSettings.Isolated(), cancellationToken: ct);

        await Eventually.WaitAsync(
            () => Task.FromResult(kiosk.Output.Contains(Expected, StringComparison.Ordinal) ? kiosk.Output : null),
            TimeSpan.FromSeconds(30),
            "the GC settings line");
        Assert.Equal(0, await kiosk.StopAsync(TimeSpan.FromSeconds(30)));
    }
}
