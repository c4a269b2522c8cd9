using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;

namespace Kiosk.Tests.Diagnostics.Checks;

public sealed class AudioCheckTests
{
    [Fact]
    public async Task RunAsync_AplayListsCard_Passes()
    {
        var processes = new FakeProcessRunner().Answer("aplay", ProcessResult.Exited(0, "**** List of PLAYBACK Hardware Devices ****\ncard 0: Headphones [bcm2835 Headphones], device 0: bcm2835 Headphones\n"));

        var r = await new AudioCheck(simulated: false, processes, "/unused").RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.StartsWith("card 0: Headphones", r.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoSoundCard_FailsWithHint()
    {
        var processes = new FakeProcessRunner().Answer("aplay", ProcessResult.Exited(1, "", "aplay: device_list:279: no soundcards found...\n"));

        var r = await new AudioCheck(simulated: false, processes, "/unused").RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Contains("no sound card", r.Detail, StringComparison.Ordinal);
        Assert.Contains("aplay -l", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AplayMissing_FailsInstallAlsaUtils()
    {
        var r = await new AudioCheck(simulated: false, new FakeProcessRunner(), "/unused").RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Contains("alsa-utils", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SimulatedSinkWritable_Passes()
    {
        var dir = Directory.CreateTempSubdirectory("audio-").FullName;
        try
        {
            var r = await new AudioCheck(simulated: true, new FakeProcessRunner(), Path.Combine(dir, "wav")).RunAsync(TestContext.Current.CancellationToken);

            Assert.Equal(CheckStatus.Pass, r.Status);
            Assert.Empty(Directory.GetFiles(Path.Combine(dir, "wav")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_SimulatedSinkNotWritable_Fails()
    {
        var file = Path.GetTempFileName();
        try
        {
            // A folder below a plain file can never be created, even by root.
            var r = await new AudioCheck(simulated: true, new FakeProcessRunner(), Path.Combine(file, "wav")).RunAsync(TestContext.Current.CancellationToken);

            Assert.Equal(CheckStatus.Fail, r.Status);
            Assert.Contains("not writable", r.Detail, StringComparison.Ordinal);
            Assert.Contains("Diagnostics:SimulatedAudioDirectory", r.Hint, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
