namespace Kiosk.Edge.Power;

/// <summary>What a circuit does while its meter cannot be trusted.</summary>
public enum SafeState
{
    /// <summary>Cut the circuit: nothing unmeasured may draw power (the default).</summary>
    Off,

    /// <summary>Keep the circuit on (e.g. air conditioning in a heatwave); the kiosk total counts it at its limit.</summary>
    On,
}
