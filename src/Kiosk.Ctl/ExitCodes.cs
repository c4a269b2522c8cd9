namespace Kiosk.Ctl;

/// <summary>
/// kioskctl's exit codes, as README.md and docs/diagnostics.md document them. 2 and 3 hold for every verb.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Done; for diag: no check failed (warnings allowed).</summary>
    public const int Ok = 0;

    /// <summary>A check failed, the crew did not confirm, or (outside diag and maintenance) the service refused.</summary>
    public const int Failed = 1;

    /// <summary>Usage error: unknown verb or option, missing or bad value.</summary>
    public const int Usage = 2;

    /// <summary>The service cannot be reached on its control socket.</summary>
    public const int Unreachable = 3;

    /// <summary>The service refused (an actuator test outside maintenance mode, <c>maintenance on</c> without root).</summary>
    public const int Refused = 4;

    /// <summary>Interrupted (Ctrl+C), as a shell reports SIGINT.</summary>
    public const int Interrupted = 130;
}
