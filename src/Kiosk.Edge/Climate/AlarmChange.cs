namespace Kiosk.Edge.Climate;

/// <summary>What one update did to an alarm.</summary>
internal enum AlarmChange
{
    None,
    Raised,
    Cleared,
}
