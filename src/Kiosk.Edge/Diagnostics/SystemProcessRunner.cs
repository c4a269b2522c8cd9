using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics;

/// <summary>Runs real programs, killed after <see cref="DiagnosticsOptions.ProcessTimeout"/>.</summary>
internal sealed class SystemProcessRunner(IOptions<DiagnosticsOptions> options, TimeProvider time) : ProcessRunner
{
    private const int MaxOutputChars = 64 * 1024;

    public override async Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        // Untranslated, parseable output.
        start.Environment["LC_ALL"] = "C";
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            return ProcessResult.NotFound;
        }

        process.StandardInput.Close();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = time.CreateTimer(_ => limit.Cancel(), null, options.Value.ProcessTimeout, Timeout.InfiniteTimeSpan);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            return ProcessResult.Exited(process.ExitCode, Truncate(await output.ConfigureAwait(false)), Truncate(await error.ConfigureAwait(false)));
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            return ProcessResult.TimedOut;
        }
    }

    private static string Truncate(string s) => s.Length > MaxOutputChars ? s[..MaxOutputChars] : s;
}
