using System.Text.Json.Serialization;

namespace Kiosk.Contract.State;

/// <summary><c>state.intercom.help</c>: a pending help call.</summary>
/// <param name="Pending">Whether a call waits for acknowledgement.</param>
/// <param name="Since">When the call began; null when none.</param>
public sealed record HelpState(
    bool Pending,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? Since);
