using System.Device.Gpio;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Contract.Json;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Doors.Simulation;

/// <summary>
/// The simulated cabin's wiring: doors start closed and exit buttons released, and the sim
/// operations drive the same lines a reed switch and a push button would.
/// </summary>
internal static class DoorSimulation
{
    public static void Prepare(SimulatedGpioDriver chip, DoorWiring wiring)
    {
        chip.SetInput(wiring.ContactPin, ToValue(wiring.ContactClosedLevel));
        chip.SetInput(wiring.ExitButtonPin, ToValue(Opposite(wiring.ExitButtonActiveLevel)));
    }

    public static PinValue ContactLevel(DoorWiring wiring, bool open) =>
        ToValue(open ? Opposite(wiring.ContactClosedLevel) : wiring.ContactClosedLevel);

    public static PinValue ExitButtonLevel(DoorWiring wiring, bool pressed) =>
        ToValue(pressed ? wiring.ExitButtonActiveLevel : Opposite(wiring.ExitButtonActiveLevel));

    /// <summary>The door's state entry as a JSON object, for the sim operations' answers (which add the door id).</summary>
    public static JsonObject StateNode(Door door) =>
        JsonSerializer.SerializeToNode(door.ToState(), ContractJsonContext.Default.DoorState)!.AsObject();

    private static LineLevel Opposite(LineLevel level) => level == LineLevel.High ? LineLevel.Low : LineLevel.High;

    private static PinValue ToValue(LineLevel level) => level == LineLevel.High ? PinValue.High : PinValue.Low;
}
