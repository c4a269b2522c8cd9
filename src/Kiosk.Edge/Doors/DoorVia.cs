namespace Kiosk.Edge.Doors;

/// <summary>How a door action was asked for; recorded in events as <c>via</c>.</summary>
public enum DoorVia
{
    /// <summary>A pass read by the kiosk's QR scanner.</summary>
    Scan,

    /// <summary>An MQTT command authorised by a signed token.</summary>
    Remote,

    /// <summary>The exit button inside the cabin.</summary>
    Exit,

    /// <summary>kioskctl on the board.</summary>
    Manual,
}
