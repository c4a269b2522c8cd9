namespace Kiosk.Edge.Doors;

/// <summary>The contract's names for <see cref="DoorVia"/>: scan, remote, exit, manual.</summary>
public static class DoorVias
{
    public static string ToWire(this DoorVia via) => via switch
    {
        DoorVia.Scan => "scan",
        DoorVia.Remote => "remote",
        DoorVia.Exit => "exit",
        DoorVia.Manual => "manual",
        _ => throw new ArgumentOutOfRangeException(nameof(via), via, null),
    };
}
