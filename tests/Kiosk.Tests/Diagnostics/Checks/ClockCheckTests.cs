using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;
using Kiosk.Edge.Diagnostics.Simulation;
using Kiosk.Edge.Security;
using Kiosk.Edge.TrustedTime;
using Kiosk.Tests.TrustedTime;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Diagnostics.Checks;

public sealed class ClockCheckTests
{
    private static readonly DateTimeOffset Real = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private readonly SimulatedFaults _faults = new();
    private readonly WallClock _system = new(Real);
    private TrustedClock? _trusted;
    private ClockAheadDetector? _ahead;

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
        Assert.StartsWith("synchronised (timedatectl)" + ";", r.Detail, StringComparison.Ordinal);
        Assert.Contains(processes.Calls, c => c.Program == "timedatectl" && c.Arguments.SequenceEqual(["show", "-p", "NTPSynchronized", "--value"]));
    }

    [Fact]
    public async Task RunAsync_TimedatectlUnsynchronised_FailsWithNtpHint()
    {
        var processes = new FakeProcessRunner().Answer("timedatectl", ProcessResult.Exited(0, "no\n"));

        var r = await Check(processes).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.StartsWith("clock not synchronised (timedatectl)" + ";", r.Detail, StringComparison.Ordinal);
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
        Assert.StartsWith("synchronised (chronyc), offset 0.123 ms" + ";", r.Detail, StringComparison.Ordinal);
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

    [Fact]
    public async Task RunAsync_SynchronisedWithRtc_PassesNamingTheRtc()
    {
        var r = await Check(Synchronised()).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.Equal("synchronised (timedatectl); RTC present (simulated)", r.Detail);
        Assert.Null(r.Hint);
    }

    [Fact]
    public async Task RunAsync_SynchronisedButNoRtc_WarnsWithFitOneHint()
    {
        _faults.Set(SimulatedRtc.MissingFault, on: true);

        var r = await Check(Synchronised()).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.Equal("synchronised (timedatectl); no RTC (simulated board, fault rtc_missing)", r.Detail);
        Assert.Contains("not_yet_valid", r.Hint, StringComparison.Ordinal);
        Assert.Contains("docs/rtc.md", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnsynchronisedAndNoRtc_FailsWithBothHints()
    {
        _faults.Set(SimulatedRtc.MissingFault, on: true);

        var r = await Check(new FakeProcessRunner().Answer("timedatectl", ProcessResult.Exited(0, "no\n"))).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.EndsWith("; no RTC (simulated board, fault rtc_missing)", r.Detail, StringComparison.Ordinal);
        Assert.Contains("timesync-status", r.Hint, StringComparison.Ordinal);
        Assert.Contains("docs/rtc.md", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SystemClockOneHourBehindTrustedTime_WarnsWithTheDifferenceAndHint()
    {
        // The board without an RTC after a power cut with the link down, as docs/rtc.md tells it.
        _faults.Set(SimulatedRtc.MissingFault, on: true);
        _system.Set(Real - TimeSpan.FromHours(1));
        _trusted = new TrustedClock(_system, Real, TimeSpan.FromDays(7));

        var r = await Check(Synchronised()).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.Contains("system clock 3600 s behind trusted time (persisted)", r.Detail, StringComparison.Ordinal);
        Assert.Contains("doors keep working on trusted time", r.Hint, StringComparison.Ordinal);
        Assert.Contains("docs/rtc.md", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BehindWithinSkew_Passes()
    {
        _system.Set(Real - TimeSpan.FromSeconds(10));
        _trusted = new TrustedClock(_system, Real, TimeSpan.FromDays(7));

        Assert.Equal(CheckStatus.Pass, (await Check(Synchronised()).RunAsync(TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task RunAsync_PassesShowClockAhead_Fails()
    {
        _ahead = new ClockAheadDetector(_system, TimeSpan.FromMinutes(6));
        for (var i = 0; i < ClockAheadDetector.Evidence; i++)
        {
            _ahead.ObserveExpired(Real - TimeSpan.FromMinutes(20) - TimeSpan.FromSeconds(i), Real);
        }

        var r = await Check(Synchronised()).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Contains("system clock about 1200 s ahead", r.Detail, StringComparison.Ordinal);
    }

    private static FakeProcessRunner Synchronised() => new FakeProcessRunner().Answer("timedatectl", ProcessResult.Exited(0, "yes\n"));

    private ClockCheck Check(ProcessRunner processes) => new(
        processes,
        new SimulatedRtc(_faults),
        Options.Create(new DiagnosticsOptions()),
        _trusted ?? new TrustedClock(_system, null, TimeSpan.FromDays(7)),
        _ahead ?? new ClockAheadDetector(_system, TimeSpan.FromMinutes(6)),
        Options.Create(new SecurityOptions()));
}
