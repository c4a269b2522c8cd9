namespace Kiosk.IntegrationTests.EndToEnd;

internal sealed record CtlRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n{Stdout}\n{Stderr}";
}
