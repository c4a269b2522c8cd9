namespace Kiosk.Edge.Hardware;

/// <summary>The bias an input line is opened with.</summary>
public enum InputBias
{
    /// <summary>Internal pull-up: an open contact or released button to ground reads High.</summary>
    PullUp,

    /// <summary>Internal pull-down: an open contact or released button to 3V3 reads Low.</summary>
    PullDown,

    /// <summary>No internal bias: the wiring has its own resistor.</summary>
    None,
}
