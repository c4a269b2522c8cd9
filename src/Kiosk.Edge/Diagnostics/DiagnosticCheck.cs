namespace Kiosk.Edge.Diagnostics;

/// <summary>
/// One on-device check (kioskctl diag, the remote <c>diag</c> command). Features register theirs
/// with <c>services.AddSingleton&lt;DiagnosticCheck, X&gt;()</c>. A check reads state and asks the
/// system; it never moves hardware (that is <see cref="Actuators.Actuator"/>, in maintenance mode).
/// <see cref="DiagnosticsRunner"/> bounds every run with a timeout, so a check may simply await; it
/// must not block its caller (a call that may block, such as statvfs on a hung mount, goes to the
/// thread pool inside the check).
/// </summary>
internal abstract class DiagnosticCheck
{
    /// <summary>Stable lower-case name, e.g. <c>gpio</c>, <c>clock</c> (the <c>--checks</c> filter and the JSON).</summary>
    public abstract string Name { get; }

    /// <summary>Groups checks in the table: hardware, network, system, security, storage, audio.</summary>
    public abstract string Category { get; }

    public abstract ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken);
}
