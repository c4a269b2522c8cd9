namespace Kiosk.Contract.State;

/// <summary><c>state.health</c> (docs/deployment.md): liveness (the watchdog's view), readiness, and each check.</summary>
/// <param name="Live">Every loop beats within its deadline.</param>
/// <param name="Ready">Live, storage ok and (when required) the broker connected.</param>
/// <param name="Checks">Check name → state.</param>
public sealed record HealthState(bool Live, bool Ready, IReadOnlyDictionary<string, HealthCheckState> Checks);
