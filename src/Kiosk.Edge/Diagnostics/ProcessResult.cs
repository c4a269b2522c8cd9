namespace Kiosk.Edge.Diagnostics;

/// <summary>What a helper program did: not found, timed out, or exited with output.</summary>
internal sealed record ProcessResult(ProcessOutcome Outcome, int ExitCode = -1, string Output = "", string Error = "")
{
    public static readonly ProcessResult NotFound = new(ProcessOutcome.NotFound);

    public static readonly ProcessResult TimedOut = new(ProcessOutcome.TimedOut);

    public bool Succeeded => Outcome == ProcessOutcome.Exited && ExitCode == 0;

    public static ProcessResult Exited(int exitCode, string output, string error = "") => new(ProcessOutcome.Exited, exitCode, output, error);
}

internal enum ProcessOutcome
{
    Exited,
    NotFound,
    TimedOut,
}
