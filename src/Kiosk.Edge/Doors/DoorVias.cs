using Kiosk.Contract.Vocabulary;

namespace Kiosk.Edge.Doors;

/// <summary>The contract's names for <see cref="DoorVia"/>: scan, remote, exit, manual.</summary>
public static class DoorVias
{
    public static string ToWire(this DoorVia via) => via switch
    {
        DoorVia.Scan => Vias.Scan,
        DoorVia.Remote => Vias.Remote,
        DoorVia.Exit => Vias.Exit,
        DoorVia.Manual => Vias.Manual,
        _ => throw new ArgumentOutOfRangeException(nameof(via), via, null),
    };
}
