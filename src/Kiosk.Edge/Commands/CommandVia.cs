namespace Kiosk.Edge.Commands;

/// <summary>How a command reached the kiosk; recorded in events as <c>via</c>.</summary>
public enum CommandVia
{
    /// <summary>An MQTT command authorised by a signed token.</summary>
    Remote,

    /// <summary>kioskctl on the board, authorised by the control socket's file permissions.</summary>
    Manual,
}
