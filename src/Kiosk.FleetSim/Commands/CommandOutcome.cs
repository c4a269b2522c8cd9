using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Kiosk.FleetSim.Commands;

/// <summary>A command's result object, or a deny reason from <see cref="Kiosk.Contract.Vocabulary.DenyReasons"/>.</summary>
internal readonly record struct CommandOutcome(JsonElement? Result, string? Error)
{
    public static CommandOutcome Success<T>(T result, JsonTypeInfo<T> info) => new(JsonSerializer.SerializeToElement(result, info), null);

    public static CommandOutcome Fail(string reason) => new(null, reason);
}
