using System.Text.Json;
using Kiosk.Contract.Vocabulary;
using Kiosk.Edge.Commands;

namespace Kiosk.Edge.Doors.Commands;

/// <summary>Reads the door command arguments; a wrong shape is bad_arguments, an unknown cabin unknown_door.</summary>
internal static class DoorArguments
{
    /// <summary>The <c>door</c> argument (absent or null: the default door).</summary>
    public static bool TryDoor(JsonElement arguments, DoorRegistry doors, out Door door, out CommandResult? failure)
    {
        door = doors.Default;
        failure = null;
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            failure = CommandResult.Fail(DenyReasons.BadArguments);
            return false;
        }

        if (!arguments.TryGetProperty("door", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            failure = CommandResult.Fail(DenyReasons.BadArguments);
            return false;
        }

        if (!doors.TryGet(value.GetString()!, out door))
        {
            failure = CommandResult.Fail(DenyReasons.UnknownDoor);
            return false;
        }

        return true;
    }

    public static DoorVia Via(CommandVia via) => via == CommandVia.Remote ? DoorVia.Remote : DoorVia.Manual;
}
