using System.Security.Claims;
using System.Text.Json;
using Kiosk.Fleet.Kiosks;
using Kiosk.Fleet.Storage;

namespace Kiosk.Fleet.Commands;

/// <summary>Checks one operator command against the kiosk it addresses, then signs and sends it.</summary>
internal sealed class CommandDispatch(CommandSigner signer, CommandSender sender)
{
    /// <summary>Null when the command may go to this kiosk, else (field, problem).</summary>
    public static (string Field, string Error)? Check(KioskRow kiosk, string name, JsonElement arguments)
    {
        if (CommandCatalog.Check(name, arguments) is { } bad)
        {
            return bad;
        }

        var doors = KioskViews.Doors(kiosk);
        return arguments.TryGetProperty("door", out var door) && doors.Count > 0 && !doors.Contains(door.GetString()!)
            ? ("door", $"kiosk '{kiosk.Id}' has no door '{door.GetString()}' (doors: {string.Join(", ", doors)})")
            : null;
    }

    public Task<CommandOutcome> SendAsync(string kioskId, string name, JsonElement arguments, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var operatorId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("an authenticated operator has an id");
        var token = signer.Command(kioskId, name, arguments, operatorId);
        return sender.SendAsync(kioskId, name, arguments, token, operatorId, cancellationToken);
    }
}
