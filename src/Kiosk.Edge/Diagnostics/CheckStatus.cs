namespace Kiosk.Edge.Diagnostics;

/// <summary>A check's verdict; on the wire <c>pass</c>, <c>warn</c> or <c>fail</c>.</summary>
public enum CheckStatus
{
    Pass,
    Warn,
    Fail,
}
