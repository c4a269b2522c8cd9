namespace Kiosk.Contract.Commands;

/// <summary>
/// The payload of <c>{root}/{kioskId}/cmd/{name}</c> (contract section 3): <c>{"id":"&lt;request id&gt;","token":"&lt;JWS&gt;"}</c>.
/// The JWS claims carry <c>cmd</c> = name and the command's arguments (e.g. <see cref="LockArguments"/>).
/// </summary>
/// <param name="Id">Request id: 1 to 128 printable characters without <c>/</c>, <c>+</c>, <c>#</c> (it becomes a topic level); a resend with the same id gets the same reply.</param>
/// <param name="Token">The signed command token (JWS Compact, at most 4096 bytes).</param>
public sealed record CommandRequest(string Id, string Token);
