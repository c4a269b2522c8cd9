namespace Kiosk.Contract.Commands;

/// <summary>The <c>action</c> of the <c>power</c> command.</summary>
public static class PowerActions
{
    /// <summary>Switch on and keep on (manual setting).</summary>
    public const string On = "on";

    /// <summary>Switch off and keep off (manual setting).</summary>
    public const string Off = "off";

    /// <summary>Clear a trip or lockout and return to automatic control.</summary>
    public const string Reset = "reset";
}
