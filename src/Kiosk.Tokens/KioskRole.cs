namespace Kiosk.Tokens;

/// <summary>The <c>role</c> claim; a token without one is a <see cref="Worker"/> pass.</summary>
public enum KioskRole
{
    Worker,
    Steward,
    Maintenance,
    Operator,
}
