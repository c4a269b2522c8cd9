using System.Diagnostics;

namespace Kiosk.Edge.Intercom;

/// <summary>Plays through ALSA with aplay (alsa-utils) on the board's sound device.</summary>
internal sealed class AplayAudioSink(string aplayPath, string device, TimeProvider time) : AudioSink
{
    public override Task PlayAsync(string wavPath, TimeSpan duration, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(aplayPath) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in (string[])["-q", "-D", device, "--", wavPath])
        {
            start.ArgumentList.Add(arg);
        }

        // A stuck device must not hold the queue forever.
        return ExternalProcess.RunAsync(start, duration + TimeSpan.FromSeconds(10), time, cancellationToken);
    }
}
