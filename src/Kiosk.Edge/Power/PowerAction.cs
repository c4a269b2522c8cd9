namespace Kiosk.Edge.Power;

/// <summary>What an operator may do to a circuit (the <c>power</c> command's <c>action</c>).</summary>
public enum PowerAction
{
    On,
    Off,
    Reset,
}
