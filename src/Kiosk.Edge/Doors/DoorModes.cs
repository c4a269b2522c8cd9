namespace Kiosk.Edge.Doors;

/// <summary>The contract's names for <see cref="DoorMode"/>: normal, hold_open, out_of_service.</summary>
public static class DoorModes
{
    public static string ToWire(this DoorMode mode) => mode switch
    {
        DoorMode.Normal => "normal",
        DoorMode.HoldOpen => "hold_open",
        DoorMode.OutOfService => "out_of_service",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static bool TryParse(string? wire, out DoorMode mode)
    {
        switch (wire)
        {
            case "normal":
                mode = DoorMode.Normal;
                return true;
            case "hold_open":
                mode = DoorMode.HoldOpen;
                return true;
            case "out_of_service":
                mode = DoorMode.OutOfService;
                return true;
            default:
                mode = default;
                return false;
        }
    }
}
