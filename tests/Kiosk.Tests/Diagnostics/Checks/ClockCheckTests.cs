using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Diagnostics.Checks;

public sealed class ClockCheckTests
{
    private const string ChronyInSync = """
        Reference ID    : C0A80001 (192.168.0.1)
        Stratum         : 3
        System time     : 0.000123000 seconds fast of NTP time
        Leap status     : Normal
        """;

    private const string ChronyUnsynchronised = """
        Reference ID    : 00000000 ()
        Stratum         : 0
        System time     : 0.000000000 seconds fast of NTP time
        Leap status     : Not synchronised
        """;

    [Fact]
    public async Task RunAsync_TimedatectlSynchronised_Passes()
    {
        var processes = new FakeProcessRunner().Answer("timedatectl", ProcessResult.Exited(0, "yes\n"));

        var r = await Check(processes).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.Equal("synchronised (timedatectl)", r.Detail);
        Assert.Contains(processes.Calls, c => c.Program == "timedatectl" && c.Arguments.SequenceEqual(["show", "-p", "NTPSynchronized", "--value"]));
    }

    [Fact]
    public async Task RunAsync_TimedatectlUnsynchronised_FailsWithNtpHint()
    {
        var processes = new FakeProcessRunner().Answer("timedatectl", ProcessResult.Exited(0, "no\n"));

        var r = await Check(processes).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Equal("clock not synchronised (timedatectl)", r.Detail);
        Assert.Contains("timesync-status", r.Hint, StringComparison.Ordinal);
        Assert.Contains("expired", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OnlyChronyUnsynchronised_Fails()
    {
        var processes = new FakeProcessRunner().Answer("chronyc", ProcessResult.Exited(0, ChronyUnsynchronised));

        var r = await Check(processes).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.StartsWith("clock not synchronised (chronyc)", r.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ChronyInSync_PassesWithOffset()
    {
        var processes = new FakeProcessRunner()
            .Answer("timedatectl", ProcessResult.Exited(1, "", "System has not been booted with systemd"))
            .Answer("chronyc", ProcessResult.Exited(0, ChronyInSync));

        var r = await Check(processes).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.Equal("synchronised (chronyc), offset 0.123 ms", r.Detail);
    }

    [Fact]
    public async Task RunAsync_LargeOffset_Warns()
    {
        var processes = new FakeProcessRunner()
            .Answer("timedatectl", ProcessResult.Exited(0, "yes"))
            .Answer("chronyc", ProcessResult.Exited(0, ChronyInSync.Replace("0.000123000 seconds fast", "12.5 seconds slow", StringComparison.Ordinal)));

        var r = await Check(processes).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.Contains("offset -12.5 s", r.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NeitherToolAnswers_WarnsCannotTell()
    {
        var processes = new FakeProcessRunner().Answer("timedatectl", ProcessResult.Exited(1, "", "Failed to connect to bus: Host is down\n"));

        var r = await Check(processes).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.StartsWith("cannot tell whether the clock is synchronised", r.Detail, StringComparison.Ordinal);
        Assert.Contains("timedatectl exited 1 (Failed to connect to bus: Host is down)", r.Detail, StringComparison.Ordinal);
        Assert.Contains("chronyc not installed", r.Detail, StringComparison.Ordinal);
    }

    private static ClockCheck Check(ProcessRunner processes) => new(processes, Options.Create(new DiagnosticsOptions()));
}
