using Wire = Kiosk.Contract.Vocabulary.DoorModes;

namespace Kiosk.Edge.Doors;

/// <summary>The contract's names for <see cref="DoorMode"/>: normal, hold_open, out_of_service.</summary>
public static class DoorModes
{
    public static string ToWire(this DoorMode mode) => mode switch
    {
        DoorMode.Normal => Wire.Normal,
        DoorMode.HoldOpen => Wire.HoldOpen,
        DoorMode.OutOfService => Wire.OutOfService,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static bool TryParse(string? wire, out DoorMode mode)
    {
        switch (wire)
        {
            case Wire.Normal:
                mode = DoorMode.Normal;
                return true;
            case Wire.HoldOpen:
                mode = DoorMode.HoldOpen;
                return true;
            case Wire.OutOfService:
                mode = DoorMode.OutOfService;
                return true;
            default:
                mode = default;
                return false;
        }
    }
}
