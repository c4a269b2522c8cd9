using System.Text.Json;

namespace Kiosk.Edge.Commands;

/// <summary>
/// A command to execute. <paramref name="Arguments"/> is a JSON object: the verified token's claims
/// for a remote command, the kioskctl arguments for a manual one. <paramref name="Sub"/> and
/// <paramref name="Role"/> come from the token (null/"maintenance" for local commands).
/// <paramref name="Token"/> is the raw JWS for commands that carry a pass (remote unlock).
/// </summary>
internal sealed record CommandRequest(
    string Name,
    string RequestId,
    CommandVia Via,
    string? Sub,
    string Role,
    JsonElement Arguments,
    object? Token = null);
