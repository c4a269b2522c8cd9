namespace Kiosk.Contract.State;

/// <summary><c>state.maintenance</c> (docs/diagnostics.md): <c>{"active":false}</c>, or active with its window.</summary>
/// <param name="Active">Whether maintenance mode is on.</param>
/// <param name="Since">When it began (active only).</param>
/// <param name="Until">When it ends by itself (active only).</param>
/// <param name="Via">How it began: scan, remote or manual (active only).</param>
public sealed record MaintenanceState(bool Active, DateTimeOffset? Since = null, DateTimeOffset? Until = null, string? Via = null);
