namespace Kiosk.Edge.Diagnostics;

/// <summary>
/// Runs a helper program (timedatectl, chronyc, aplay, espeak-ng) with an argument list, never a
/// shell, and a timeout. The seam that lets tests answer as a broken system would.
/// </summary>
internal abstract class ProcessRunner
{
    public abstract Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
