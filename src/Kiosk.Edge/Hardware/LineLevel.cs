namespace Kiosk.Edge.Hardware;

/// <summary>A wiring level in configuration (which level means closed, pressed, ...).</summary>
public enum LineLevel
{
    Low,
    High,
}
