namespace Kiosk.Edge.Health;

/// <summary>
/// One evaluation of <see cref="HealthMonitor"/>: <paramref name="SilentLoops"/> are the required loops
/// that missed their deadline (why it is not live), <paramref name="Failing"/> every check that is not ok.
/// </summary>
internal sealed record HealthSnapshot(bool Live, bool Ready, IReadOnlyList<string> SilentLoops, IReadOnlyList<string> Failing);
