namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary><c>tts</c>: the speech synthesiser for text announcements answers (<c>espeak-ng --version</c>).</summary>
internal sealed class TtsCheck(ProcessRunner processes, string program = "espeak-ng") : DiagnosticCheck
{
    public override string Name => "tts";

    public override string Category => "audio";

    public override async ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var r = await processes.RunAsync(program, ["--version"], cancellationToken).ConfigureAwait(false);
        return r.Outcome switch
        {
            ProcessOutcome.NotFound => CheckResult.Fail($"{program} is not installed", "install it (apt install espeak-ng): text announcements need it; recorded clips still play"),
            ProcessOutcome.TimedOut => CheckResult.Fail("espeak-ng --version timed out", "the synthesiser hangs: reinstall espeak-ng and try `espeak-ng --version` by hand"),
            _ when r.ExitCode != 0 => CheckResult.Fail($"espeak-ng --version exited {r.ExitCode}", "reinstall espeak-ng (apt install --reinstall espeak-ng)"),
            _ => CheckResult.Pass(r.Output.Split('\n')[0].Trim()),
        };
    }
}
