namespace Kiosk.Contract.Vocabulary;

/// <summary>How something was triggered: the <c>via</c> field of door, steward, power, intercom and maintenance events.</summary>
public static class Vias
{
    /// <summary>A pass read by the kiosk's QR scanner.</summary>
    public const string Scan = "scan";

    /// <summary>A signed MQTT command.</summary>
    public const string Remote = "remote";

    /// <summary>The request-to-exit button inside the cabin.</summary>
    public const string Exit = "exit";

    /// <summary>On the device (kioskctl, maintenance).</summary>
    public const string Manual = "manual";
}
