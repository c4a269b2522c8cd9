using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Kiosk.Fleet.Web.Kiosks;

/// <summary>
/// A command a panel asks the kiosk page to send: its contract name and arguments, and, for anything that
/// moves hardware (unlock, door mode, power), the question the confirmation dialog asks first.
/// </summary>
public sealed record PendingCommand(string Name, JsonElement Arguments, string? Confirmation)
{
    public static PendingCommand Of<T>(string name, T arguments, JsonTypeInfo<T> info, string? confirmation = null) =>
        new(name, JsonSerializer.SerializeToElement(arguments, info), confirmation);
}
