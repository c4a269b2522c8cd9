namespace Kiosk.FleetSim.Behaviour;

/// <summary>The pending help call of the intercom (<c>state.intercom.help</c>).</summary>
internal sealed class HelpCall
{
    public bool Pending { get; private set; }

    public DateTimeOffset Since { get; private set; }

    public void Call(DateTimeOffset now)
    {
        Pending = true;
        Since = now;
    }

    /// <summary>Clears the call; the seconds it waited (one decimal).</summary>
    public double Clear(DateTimeOffset now)
    {
        Pending = false;
        return Math.Round((now - Since).TotalSeconds, 1);
    }
}
