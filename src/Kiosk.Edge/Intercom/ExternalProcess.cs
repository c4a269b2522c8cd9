using System.Diagnostics;
using System.ComponentModel;

namespace Kiosk.Edge.Intercom;

/// <summary>Runs a helper program (espeak-ng, aplay) to completion, killing it on timeout or cancellation.</summary>
internal static class ExternalProcess
{
    /// <exception cref="ExternalProcessException">It could not start, failed, or timed out.</exception>
    public static async Task RunAsync(ProcessStartInfo start, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ExternalProcessException($"{start.FileName} could not start: {e.Message}", e);
        }

        var stderr = start.RedirectStandardError ? process.StandardError.ReadToEndAsync(linked.Token) : Task.FromResult("");
        var stdout = start.RedirectStandardOutput ? process.StandardOutput.ReadToEndAsync(linked.Token) : Task.FromResult("");
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
            await stdout.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new ExternalProcessException($"{start.FileName} did not finish within {timeout}");
        }

        if (process.ExitCode != 0)
        {
            var message = (await stderr.ConfigureAwait(false)).Trim();
            throw new ExternalProcessException($"{start.FileName} exited with {process.ExitCode}: {(message.Length > 200 ? message[..200] : message)}");
        }
    }
}
