using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;

namespace Kiosk.Tests.Diagnostics.Checks;

public sealed class TtsCheckTests
{
    [Fact]
    public async Task RunAsync_EspeakAnswers_PassesWithVersion()
    {
        var processes = new FakeProcessRunner().Answer("espeak-ng", ProcessResult.Exited(0, "eSpeak NG text-to-speech: 1.51  Data at: /usr/lib/x86_64-linux-gnu/espeak-ng-data\n"));

        var r = await new TtsCheck(processes).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.StartsWith("eSpeak NG text-to-speech: 1.51", r.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EspeakMissing_FailsWithInstallHint()
    {
        var r = await new TtsCheck(new FakeProcessRunner()).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Equal("espeak-ng is not installed", r.Detail);
        Assert.Contains("apt install espeak-ng", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EspeakHangs_FailsTimedOut()
    {
        var r = await new TtsCheck(new FakeProcessRunner().Answer("espeak-ng", ProcessResult.TimedOut)).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Contains("timed out", r.Detail, StringComparison.Ordinal);
    }
}
