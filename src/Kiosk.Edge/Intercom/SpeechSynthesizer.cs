using System.Diagnostics;

namespace Kiosk.Edge.Intercom;

/// <summary>
/// Renders text to a WAV file with espeak-ng. The text is one element of the argument list after
/// <c>--</c>: no shell ever sees it, and a text starting with '-' cannot pass for an option.
/// </summary>
internal sealed class SpeechSynthesizer(string espeakPath, string voice, TimeSpan timeout, TimeProvider time)
{
    public async Task RenderAsync(string text, string wavPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(espeakPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["-v", voice, "-w", wavPath, "--", text])
        {
            start.ArgumentList.Add(arg);
        }

        await ExternalProcess.RunAsync(start, timeout, time, cancellationToken).ConfigureAwait(false);
    }
}
