namespace Kiosk.Contract.Vocabulary;

/// <summary>Door modes: the <c>mode</c> argument of the <c>mode</c> command, of <c>door.mode</c> and of door state.</summary>
public static class DoorModes
{
    /// <summary>Locked; opens for a valid pass, a remote unlock or the exit button.</summary>
    public const string Normal = "normal";

    /// <summary>Held unlocked (e.g. staffed hours).</summary>
    public const string HoldOpen = "hold_open";

    /// <summary>Locked and refuses passes (<c>out_of_service</c>); the exit button still opens.</summary>
    public const string OutOfService = "out_of_service";
}
