using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Kiosk.Edge.Commands;

/// <summary>A command's outcome: a result object (a Kiosk.Contract result record, serialized), or a contract error reason.</summary>
internal sealed record CommandResult(bool Ok, JsonObject? Result, string? Error)
{
    /// <summary>Success with the typed result <paramref name="result"/> (e.g. <c>LockResult</c>).</summary>
    public static CommandResult Success<T>(T result, JsonTypeInfo<T> info) =>
        new(true, JsonSerializer.SerializeToNode(result, info)?.AsObject() ?? throw new ArgumentNullException(nameof(result)), null);

    /// <summary>Success without a result (an empty object on the wire).</summary>
    public static CommandResult Success() => new(true, [], null);

    /// <summary>An error with a stable reason string (a contract deny reason where one fits).</summary>
    public static CommandResult Fail(string reason) => new(false, null, reason);
}
