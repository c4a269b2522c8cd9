using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Doors;

/// <summary>A door's input lines, for the simulation to drive (the domain never uses them).</summary>
internal sealed record DoorWiring(int LockPin, int ContactPin, LineLevel ContactClosedLevel, int ExitButtonPin, LineLevel ExitButtonActiveLevel);
