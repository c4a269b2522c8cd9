using Kiosk.Contract.Topics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Commands;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CommandNames = Kiosk.Contract.Commands.CommandNames;
using Kiosk.Contract.Json;
using Kiosk.Contract.Vocabulary;
using ContractReply = Kiosk.Contract.Commands.CommandReply;

namespace Kiosk.Edge.Messaging.Commands;

/// <summary>
/// From a <c>cmd/{name}</c> message to its reply: refuse a payload too large to be a command
/// (<c>too_large</c>) and a retained message (<c>malformed</c>: commands are never retained), parse
/// the envelope, answer a known request id from the reply store, check the command exists, verify
/// the token, check its <c>cmd</c> claim, then run it through <see cref="CommandRouter"/>. Whenever
/// a usable request id can be read, whatever else is wrong, there is a reply. Never throws on bad input.
/// </summary>
internal sealed partial class CommandProcessor
{
    /// <summary>The envelope is small (request id + a token of at most 4096 bytes); anything far larger is not a command.</summary>
    internal const int MaxPayloadBytes = 16 * 1024;

    private readonly KioskTopics _topics;
    private readonly CommandRouter _router;
    private readonly CommandTokenVerifier _verifier;
    private readonly ReplyStore _replies;
    private readonly TimeProvider _time;
    private readonly TimeSpan _executionTimeout;
    private readonly ILogger<CommandProcessor> _logger;

    public CommandProcessor(
        Connection.MqttLink link,
        CommandRouter router,
        CommandTokenVerifier verifier,
        ReplyStore replies,
        IOptions<MqttOptions> options,
        TimeProvider time,
        ILogger<CommandProcessor> logger)
        : this(link.Topics, router, verifier, replies, options.Value.Commands.ExecutionTimeout, time, logger)
    {
    }

    internal CommandProcessor(
        KioskTopics topics,
        CommandRouter router,
        CommandTokenVerifier verifier,
        ReplyStore replies,
        TimeSpan executionTimeout,
        TimeProvider time,
        ILogger<CommandProcessor> logger)
    {
        _topics = topics;
        _router = router;
        _verifier = verifier;
        _replies = replies;
        _executionTimeout = executionTimeout;
        _time = time;
        _logger = logger;
    }

    /// <summary>The reply to send, or null when the message is not answerable (retained, or no usable id and no response topic).</summary>
    public async Task<CommandReply?> HandleAsync(IncomingCommand message, CancellationToken cancellationToken)
    {
        var name = _topics.CommandName(message.Topic);
        if (name is null)
        {
            return null;
        }

        if (message.Payload.Length > MaxPayloadBytes)
        {
            LogTooLarge(name, message.Payload.Length);
            return Refuse(message, RequestIdReader.Find(message.Payload.Span), DenyReasons.TooLarge);
        }

        if (message.Retained)
        {
            // Commands are never retained (contract section 3): a retained one is refused, never run.
            LogRetained(name);
            return Refuse(message, RequestIdReader.Find(message.Payload.Span), DenyReasons.Malformed);
        }

        var (requestId, token) = ParseEnvelope(message.Payload);
        requestId ??= RequestIdReader.Find(message.Payload.Span);
        var usableId = IsUsableRequestId(requestId);
        if (!usableId || token is null)
        {
            LogMalformed(name, usableId);
            return usableId || message.ResponseTopic is not null
                ? Address(message, usableId ? requestId : null, Failure(usableId ? requestId : null, DenyReasons.Malformed))
                : null;
        }

        var id = requestId!;
        if (_replies.Find(id) is { } previous)
        {
            LogResent(name, id);
            return Address(message, id, previous);
        }

        var reply = await DecideAsync(name, id, token, cancellationToken).ConfigureAwait(false);
        _replies.Save(id, reply);
        return Address(message, id, reply);
    }

    /// <summary>
    /// A refusal before the envelope is read: to the response topic or the request id's reply topic
    /// (stored, so a resend gets the same), or null when neither exists. A request id already answered
    /// keeps its first reply.
    /// </summary>
    private CommandReply? Refuse(IncomingCommand message, string? requestId, string reason)
    {
        if (!IsUsableRequestId(requestId))
        {
            return message.ResponseTopic is not null ? Address(message, null, Failure(null, reason)) : null;
        }

        if (_replies.Find(requestId!) is { } previous)
        {
            return Address(message, requestId, previous);
        }

        var reply = Failure(requestId, reason);
        _replies.Save(requestId!, reply);
        return Address(message, requestId, reply);
    }

    /// <summary>Printable, at most 128 characters, and safe as one topic level (no '/', '+', '#').</summary>
    internal static bool IsUsableRequestId(string? id) =>
        id is { Length: > 0 and <= 128 } && !id.Any(c => c is '/' or '+' or '#' || char.IsControl(c));

    private async Task<JsonObject> DecideAsync(string name, string id, string token, CancellationToken cancellationToken)
    {
        if (!_router.Contains(name))
        {
            LogDenied(name, id, DenyReasons.UnknownCommand, null);
            return Failure(id, DenyReasons.UnknownCommand);
        }

        var verdict = await _verifier.VerifyAsync(token, cancellationToken).ConfigureAwait(false);
        if (!verdict.Ok)
        {
            LogDenied(name, id, verdict.DenyReason!, verdict.Sub);
            return Failure(id, verdict.DenyReason!);
        }

        var cmd = verdict.Claims.ValueKind == JsonValueKind.Object && verdict.Claims.TryGetProperty("cmd", out var c) && c.ValueKind == JsonValueKind.String
            ? c.GetString()
            : null;
        // A pass (no cmd, or cmd = unlock) serves unlock; every other command needs its own name in the token.
        var matches = name == CommandNames.Unlock ? cmd is null or CommandNames.Unlock : cmd == name;
        if (!matches)
        {
            LogDenied(name, id, DenyReasons.BadArguments, verdict.Sub);
            return Failure(id, DenyReasons.BadArguments);
        }

        var request = new CommandRequest(name, id, CommandVia.Remote, verdict.Sub, verdict.Role, verdict.Claims, verdict.Token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_executionTimeout);
        CommandResult result;
        try
        {
            result = await _router.ExecuteAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Extension to the contract's reasons: the command did not finish within Mqtt:Commands:ExecutionTimeout.
            result = CommandResult.Fail(DenyReasons.Timeout);
        }

        LogExecuted(name, id, verdict.Sub, result.Ok ? "ok" : result.Error ?? "error");
        return result.Ok
            ? Payload(new ContractReply { Id = id, Ok = true, Result = ResultElement(result.Result), Ts = _time.GetUtcNow() })
            : Failure(id, result.Error ?? DenyReasons.BadArguments);
    }

    private JsonObject Failure(string? id, string reason) => Payload(ContractReply.Failure(id, reason, _time.GetUtcNow()));

    /// <summary>The reply as sent and stored (the reply store keeps it, so a resend gets it byte for byte).</summary>
    private static JsonObject Payload(ContractReply reply) =>
        JsonSerializer.SerializeToNode(reply, ContractJsonContext.Default.CommandReply)!.AsObject();

    private static JsonElement ResultElement(JsonObject? result)
    {
        using var doc = JsonDocument.Parse(result?.ToJsonString() ?? "{}");
        return doc.RootElement.Clone();
    }

    private CommandReply Address(IncomingCommand message, string? id, JsonObject payload) =>
        message.ResponseTopic is { Length: > 0 } responseTopic
            ? new CommandReply(responseTopic, payload, message.CorrelationData)
            : new CommandReply(_topics.Reply(id!), payload, null);

    private static (string? Id, string? Token) ParseEnvelope(ReadOnlyMemory<byte> payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var id = doc.RootElement.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            var token = doc.RootElement.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } s ? s : null;
            return (id, token);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT refused a retained message on cmd/{Name}: commands are never retained")]
    private partial void LogRetained(string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT refused a {Bytes}-byte message on cmd/{Name}: too large to be a command")]
    private partial void LogTooLarge(string name, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT malformed command on cmd/{Name} (usable request id: {Addressable})")]
    private partial void LogMalformed(string name, bool addressable);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT command {Name} {RequestId} resent: answering with the stored reply")]
    private partial void LogResent(string name, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT command {Name} {RequestId} denied: {Reason} (sub {Sub})")]
    private partial void LogDenied(string name, string requestId, string reason, string? sub);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT command {Name} {RequestId} by {Sub}: {Outcome}")]
    private partial void LogExecuted(string name, string requestId, string? sub, string outcome);
}
