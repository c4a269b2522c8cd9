using System.Text.Json;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Json;
using Kiosk.Contract.Topics;
using Kiosk.Contract.Vocabulary;
using Kiosk.FleetSim.Behaviour;
using Kiosk.Tokens;

namespace Kiosk.FleetSim.Commands;

/// <summary>
/// From a <c>cmd/{name}</c> message to its reply, in the kiosk's order (its CommandProcessor): too large
/// (<c>too_large</c>), retained (<c>malformed</c>), the envelope (<c>malformed</c>), a known request id (the stored
/// reply), an unknown command, the token (<see cref="TokenValidator"/> on the kiosk's trust store and audience),
/// revoked and replayed, the <c>cmd</c> claim (<c>bad_arguments</c>), the role, then the command itself.
/// Whenever a usable request id can be read there is a reply. Callers hold the kiosk's lock.
/// </summary>
internal sealed class SimCommandProcessor(KioskModel kiosk, KioskTopics topics, TokenValidator validator, TimeProvider tokenClock, TimeSpan clockSkew)
{
    /// <summary>The kiosk's bound: a request id and a token of at most 4096 bytes fit far below it.</summary>
    public const int MaxPayloadBytes = 16 * 1024;

    private readonly ReplyCache _replies = new();
    private readonly ReplayLog _replays = new(clockSkew);
    private readonly RevocationSet _revocations = new();

    /// <summary>Commands executed (ok or refused by the command itself), for the stats.</summary>
    public long Executed { get; private set; }

    /// <summary>The reply to publish, or null when the message cannot be answered.</summary>
    public OutgoingReply? Handle(IncomingCommand message)
    {
        if (topics.CommandName(message.Topic) is not { } name)
        {
            return null;
        }

        var (requestId, token) = ParseEnvelope(message.Payload);
        var usable = IsUsableRequestId(requestId);
        if (message.Payload.Length > MaxPayloadBytes || message.Retained)
        {
            return Refuse(message, usable ? requestId : null, message.Retained && message.Payload.Length <= MaxPayloadBytes ? DenyReasons.Malformed : DenyReasons.TooLarge);
        }

        if (!usable || token is null)
        {
            return usable || message.ResponseTopic is not null ? Address(message, usable ? requestId : null, Failure(usable ? requestId : null, DenyReasons.Malformed)) : null;
        }

        var id = requestId!;
        if (_replies.Find(id) is { } previous)
        {
            return Address(message, id, previous);
        }

        var reply = Decide(name, id, token);
        _replies.Save(id, reply);
        return Address(message, id, reply);
    }

    /// <summary>Printable, 1 to 128 characters, safe as one topic level.</summary>
    internal static bool IsUsableRequestId(string? id) =>
        id is { Length: > 0 and <= 128 } && !id.Any(c => c is '/' or '+' or '#' || char.IsControl(c));

    private byte[] Decide(string name, string id, string token)
    {
        if (!CommandNames.All.Contains(name))
        {
            return Failure(id, DenyReasons.UnknownCommand);
        }

        var result = validator.Validate(token);
        if (result.Token is not { } valid)
        {
            return Failure(id, result.Reason!.Value.ToContractString());
        }

        if (_revocations.IsRevoked(valid))
        {
            return Failure(id, DenyReasons.Revoked);
        }

        if (!_replays.TryConsume(valid.Jti, valid.Exp, tokenClock.GetUtcNow()))
        {
            return Failure(id, DenyReasons.Replayed);
        }

        var matches = name == CommandNames.Unlock ? valid.IsPass : valid.Cmd == name;
        if (!matches)
        {
            return Failure(id, DenyReasons.BadArguments);
        }

        if (!KioskActions.RoleMayRun(name, valid.Role.ToContractString()))
        {
            return Failure(id, DenyReasons.RoleForbidden);
        }

        var outcome = KioskActions.Execute(kiosk, name, valid, _revocations);
        Executed++;
        return outcome.Error is { } error
            ? Failure(id, error)
            : JsonSerializer.SerializeToUtf8Bytes(new CommandReply { Id = id, Ok = true, Result = outcome.Result, Ts = kiosk.Now }, ContractJsonContext.Default.CommandReply);
    }

    private OutgoingReply? Refuse(IncomingCommand message, string? requestId, string reason)
    {
        if (requestId is null)
        {
            return message.ResponseTopic is not null ? Address(message, null, Failure(null, reason)) : null;
        }

        if (_replies.Find(requestId) is { } previous)
        {
            return Address(message, requestId, previous);
        }

        var reply = Failure(requestId, reason);
        _replies.Save(requestId, reply);
        return Address(message, requestId, reply);
    }

    private byte[] Failure(string? id, string reason) =>
        JsonSerializer.SerializeToUtf8Bytes(CommandReply.Failure(id, reason, kiosk.Now), ContractJsonContext.Default.CommandReply);

    private OutgoingReply Address(IncomingCommand message, string? id, byte[] payload) =>
        message.ResponseTopic is { Length: > 0 } responseTopic
            ? new OutgoingReply(responseTopic, payload, message.CorrelationData)
            : new OutgoingReply(topics.Reply(id!), payload, null);

    private static (string? Id, string? Token) ParseEnvelope(ReadOnlyMemory<byte> payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            var token = root.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } s ? s : null;
            return (id, token);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
