using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Json;
using Kiosk.Fleet.Mqtt;
using Kiosk.Fleet.Observability;
using Kiosk.Fleet.Storage;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Commands;

/// <summary>
/// Sends one signed command to one kiosk and waits for its reply: audit row first, publish with a
/// response topic under the kiosk's own reply prefix and the request id as correlation data, wait
/// up to <c>Fleet:Commands:ReplyTimeout</c>, then record the outcome on the audit row.
/// </summary>
internal sealed partial class CommandSender(
    FleetMqttConnection connection,
    PendingReplies replies,
    IServiceScopeFactory scopes,
    IOptions<CommandsOptions> options,
    FleetMetrics metrics,
    TimeProvider time,
    ILogger<CommandSender> logger)
{
    private readonly ILogger<CommandSender> _logger = logger;

    public async Task<CommandOutcome> SendAsync(string kioskId, string name, JsonElement arguments, string token, string actor, CancellationToken cancellationToken)
    {
        var requestId = Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        var started = time.GetTimestamp();
        var audit = new CommandAudit
        {
            Actor = actor,
            KioskId = kioskId,
            Command = name,
            Arguments = arguments.ValueKind == JsonValueKind.Undefined ? "{}" : arguments.GetRawText(),
            RequestId = requestId,
            Requested = time.GetUtcNow().UtcDateTime,
        };
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FleetDb>();
            db.CommandAudits.Add(audit);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        var reply = replies.Register(requestId);
        CommandOutcome outcome;
        try
        {
            var envelope = JsonSerializer.SerializeToUtf8Bytes(new CommandRequest(requestId, token), ContractJsonContext.Default.CommandRequest);
            await connection.PublishAsync(connection.Topics.Command(kioskId, name), envelope, connection.Topics.ResponseTopic(kioskId, requestId), Encoding.UTF8.GetBytes(requestId), cancellationToken).ConfigureAwait(false);
            var payload = await reply.WaitAsync(options.Value.ReplyTimeout, time, cancellationToken).ConfigureAwait(false);
            outcome = Parse(payload, time.GetElapsedTime(started).TotalSeconds);
        }
        catch (TimeoutException)
        {
            outcome = new CommandOutcome(CommandStatus.Timeout, null, "timeout", time.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception e) when (e is FleetMqttException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            outcome = new CommandOutcome(CommandStatus.Unreachable, null, "broker_unavailable", time.GetElapsedTime(started).TotalSeconds);
        }
        finally
        {
            replies.Forget(requestId);
        }

        metrics.Command(name, outcome.Status.ToString(), outcome.Seconds);
        LogCommand(name, kioskId, requestId, outcome.Status.ToString(), outcome.Error ?? "-");
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FleetDb>();
            db.CommandAudits.Attach(audit);
            audit.Completed = time.GetUtcNow().UtcDateTime;
            audit.Outcome = outcome.Status == CommandStatus.Ok ? "ok" : outcome.Error;
            audit.Result = outcome.Result?.ToJsonString();
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return outcome;
    }

    private static CommandOutcome Parse(byte[] payload, double seconds)
    {
        try
        {
            var reply = JsonSerializer.Deserialize(payload, ContractJsonContext.Default.CommandReply) ?? throw new JsonException("null reply");
            return reply.Ok
                ? new CommandOutcome(CommandStatus.Ok, reply.Result is { } r ? JsonNode.Parse(r.GetRawText()) : null, null, seconds)
                : new CommandOutcome(CommandStatus.Refused, null, reply.Error ?? "malformed_reply", seconds);
        }
        catch (JsonException)
        {
            return new CommandOutcome(CommandStatus.Refused, null, "malformed_reply", seconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Command {Name} to {Kiosk} ({RequestId}): {Status} {Error}")]
    private partial void LogCommand(string name, string kiosk, string requestId, string status, string error);
}
