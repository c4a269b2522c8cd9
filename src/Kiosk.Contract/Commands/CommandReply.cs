using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Kiosk.Contract.Commands;

/// <summary>
/// A command reply (contract section 3), to the MQTT 5 response topic or <c>{root}/{kioskId}/reply/{id}</c>:
/// <c>{"id","ok":true,"result":{...},"ts"}</c> or <c>{"id","ok":false,"error":"&lt;reason&gt;","ts"}</c>.
/// </summary>
public sealed record CommandReply
{
    /// <summary>The request id; null when the request had no usable id (answered on its response topic).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Id { get; init; }

    /// <summary>Whether the command ran.</summary>
    public required bool Ok { get; init; }

    /// <summary>On success, the command's result object (e.g. <see cref="LockResult"/>; see <see cref="ResultAs{T}"/>).</summary>
    public JsonElement? Result { get; init; }

    /// <summary>On failure, a reason from <see cref="Vocabulary.DenyReasons"/>.</summary>
    public string? Error { get; init; }

    /// <summary>When the kiosk decided (RFC 3339 UTC); a resent request gets the stored reply, same ts.</summary>
    public required DateTimeOffset Ts { get; init; }

    /// <summary>A success reply carrying <paramref name="result"/>, serialized with its source-generated metadata.</summary>
    public static CommandReply Success<T>(string id, T result, JsonTypeInfo<T> resultInfo, DateTimeOffset ts) =>
        new() { Id = id, Ok = true, Result = JsonSerializer.SerializeToElement(result, resultInfo), Ts = ts };

    /// <summary>A failure reply with a reason from <see cref="Vocabulary.DenyReasons"/>.</summary>
    public static CommandReply Failure(string? id, string error, DateTimeOffset ts) => new() { Id = id, Ok = false, Error = error, Ts = ts };

    /// <summary>The result as <typeparamref name="T"/>; null on failure.</summary>
    /// <exception cref="JsonException">The result does not fit <typeparamref name="T"/>.</exception>
    public T? ResultAs<T>(JsonTypeInfo<T> info) => Result is { } r ? r.Deserialize(info) : default;
}
