namespace Kiosk.Contract.State;

/// <summary>One check in <c>state.health.checks</c> (a loop's heartbeat, storage, broker, ...).</summary>
/// <param name="Ok">Whether it is healthy.</param>
/// <param name="Since">When it last changed; absent when never reported.</param>
/// <param name="Detail">Why it is not ok (or a note); absent when none.</param>
public sealed record HealthCheckState(bool Ok, DateTimeOffset? Since = null, string? Detail = null);
