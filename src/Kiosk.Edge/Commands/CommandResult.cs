using System.Text.Json.Nodes;

namespace Kiosk.Edge.Commands;

/// <summary>A command's outcome: a result object, or a contract error reason.</summary>
internal sealed record CommandResult(bool Ok, JsonObject? Result, string? Error)
{
    public static CommandResult Success(JsonObject? result = null) => new(true, result ?? [], null);

    /// <summary>An error with a stable reason string (a contract deny reason where one fits).</summary>
    public static CommandResult Fail(string reason) => new(false, null, reason);
}
