namespace Kiosk.Contract.Events;

/// <summary><c>diag.actuated</c>: Extension: a maintenance actuator test moved hardware.</summary>
/// <param name="Target">lock, circuit or amp.</param>
/// <param name="Via">manual.</param>
/// <param name="Door">The door tested.</param>
/// <param name="Circuit">The circuit tested.</param>
public sealed record DiagActuated(
    string Target,
    string Via,
    string? Door = null,
    string? Circuit = null) : KioskEventBody;
