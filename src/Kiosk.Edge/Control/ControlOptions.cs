namespace Kiosk.Edge.Control;

/// <summary>The local control socket (configuration section <c>Control</c>).</summary>
public sealed class ControlOptions
{
    public const string Section = "Control";

    /// <summary>Socket path; default <c>{Kiosk:RuntimeDirectory}/kiosk.sock</c>.</summary>
    public string? SocketPath { get; set; }

    /// <summary>Octal file mode of the socket: owner and group (maintenance crew) only by default.</summary>
    [System.ComponentModel.DataAnnotations.RegularExpression("^0?[0-7]{3}$")]
    public string SocketMode { get; set; } = "0660";
}
