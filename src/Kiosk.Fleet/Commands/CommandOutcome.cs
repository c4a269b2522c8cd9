using System.Text.Json.Nodes;

namespace Kiosk.Fleet.Commands;

public enum CommandStatus
{
    Ok,
    Refused,
    Timeout,
    Unreachable,
}

/// <summary>What came of one command: the kiosk's result or reason, or no reply in time.</summary>
public sealed record CommandOutcome(CommandStatus Status, JsonNode? Result, string? Error, double Seconds)
{
    public int HttpStatus => Status switch
    {
        CommandStatus.Ok => 200,
        CommandStatus.Refused => 409,
        CommandStatus.Timeout => 504,
        _ => 503,
    };

    public JsonObject ToJson() => Status == CommandStatus.Ok
        ? new JsonObject { ["ok"] = true, ["result"] = Result?.DeepClone() ?? new JsonObject() }
        : new JsonObject { ["ok"] = false, ["error"] = Error };
}
