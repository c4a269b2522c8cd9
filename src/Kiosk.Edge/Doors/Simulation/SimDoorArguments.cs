using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Doors.Simulation;

/// <summary>Shared checks of the door simulation operations.</summary>
internal static class SimDoorArguments
{
    public static SimulatedGpioDriver RequireSimulation(Board board, string operation) =>
        board.Simulation ?? throw new ControlException($"{operation} works only on the simulated board (Board:Kind Simulated); this kiosk drives real hardware");

    public static Door Door(JsonObject args, DoorRegistry doors)
    {
        var node = args["door"];
        if (node is null)
        {
            return doors.Default;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw new ControlException("door must be a cabin id string");
        }

        var id = node.GetValue<string>();
        return doors.TryGet(id, out var door)
            ? door
            : throw new ControlException($"unknown door '{id}'; known: {string.Join(", ", doors.All.Select(d => d.Id))}");
    }

    public static string RequiredString(JsonObject args, string name, params string[] allowed)
    {
        var node = args[name];
        if (node is null || node.GetValueKind() != JsonValueKind.String || !allowed.Contains(node.GetValue<string>()))
        {
            throw new ControlException($"{name} must be one of: {string.Join(", ", allowed)}");
        }

        return node.GetValue<string>();
    }

    /// <summary>Long enough for the debouncer to accept a level: twice the debounce time, at least 1 ms.</summary>
    public static TimeSpan Settle(Board board) => board.Debounce * 2 + TimeSpan.FromMilliseconds(1);
}
