using System.Data.Common;
using System.Text;
using System.Text.Json;
using Kiosk.Fleet.Mqtt;
using Kiosk.Fleet.Observability;
using Kiosk.Fleet.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Ingest;

/// <summary>The outcome of one batch: which messages were unreadable, which kiosks came online, the stored events' <c>ts</c>.</summary>
internal sealed record IngestResult(int Stored, int Duplicates, int Rejected, IReadOnlyCollection<string> CameOnline, IReadOnlyList<DateTime> EventTimes);

/// <summary>
/// Writes a batch of kiosk messages in one transaction. An unreadable message is rejected (counted,
/// logged without its payload) and still acknowledged: the broker would only deliver it again.
/// If the batch collides with another instance (the same event stored meanwhile), it is retried
/// one message at a time so each duplicate is recognised on its own.
/// </summary>
internal sealed partial class MessageIngestor(IServiceScopeFactory scopes, FleetTopics topics, FleetMetrics metrics, TimeProvider time, ILogger<MessageIngestor> logger)
{
    private readonly ILogger<MessageIngestor> _logger = logger;

    public async Task<IngestResult> IngestAsync(IReadOnlyList<IngestMessage> batch, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (batch.Count > 1)
        {
            var stored = 0;
            var duplicates = 0;
            var rejected = 0;
            var online = new HashSet<string>(StringComparer.Ordinal);
            var eventTimes = new List<DateTime>();
            foreach (var message in batch)
            {
                IngestResult one;
                try
                {
                    one = await WriteAsync([message], cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateException)
                {
                    // Stored by another instance between our check and our commit: a duplicate.
                    one = new IngestResult(0, 1, 0, [], []);
                }

                stored += one.Stored;
                duplicates += one.Duplicates;
                rejected += one.Rejected;
                online.UnionWith(one.CameOnline);
                eventTimes.AddRange(one.EventTimes);
            }

            return new IngestResult(stored, duplicates, rejected, online, eventTimes);
        }
    }

    private async Task<IngestResult> WriteAsync(IReadOnlyList<IngestMessage> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FleetDb>();
        var context = new IngestContext(db, time.GetUtcNow().UtcDateTime);
        var stored = 0;
        var duplicates = 0;
        var rejected = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var message in batch)
            {
                switch (await IngestOneAsync(context, message, cancellationToken).ConfigureAwait(false))
                {
                    case true:
                        stored++;
                        break;
                    case false:
                        duplicates++;
                        break;
                    default:
                        rejected++;
                        break;
                }
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        metrics.Ingested(stored, duplicates, rejected);
        return new IngestResult(stored, duplicates, rejected, context.CameOnline, context.EventTimes);
    }

    /// <returns>True stored, false duplicate, null rejected.</returns>
    private async Task<bool?> IngestOneAsync(IngestContext context, IngestMessage message, CancellationToken cancellationToken)
    {
        var (kind, kioskId) = topics.Parse(message.Topic);
        if (!KioskIds.IsValid(kioskId))
        {
            return Reject(context, message, "kiosk id does not match the contract pattern");
        }

        try
        {
            using var doc = JsonDocument.Parse(message.Payload);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("payload is not a JSON object");
            }

            switch (kind)
            {
                case TopicKind.Status:
                    await StatusIngest.StatusAsync(context, kioskId, root, cancellationToken).ConfigureAwait(false);
                    return true;
                case TopicKind.State:
                    await StatusIngest.StateAsync(context, kioskId, root, Encoding.UTF8.GetString(message.Payload), cancellationToken).ConfigureAwait(false);
                    return true;
                case TopicKind.Telemetry:
                    await TelemetryIngest.TelemetryAsync(context, kioskId, root, cancellationToken).ConfigureAwait(false);
                    return true;
                case TopicKind.Events:
                    return await EventIngest.EventAsync(context, kioskId, message.Payload, Encoding.UTF8.GetString(message.Payload), cancellationToken).ConfigureAwait(false);
                default:
                    return null;
            }
        }
        catch (Exception e) when (e is not (DbException or OperationCanceledException))
        {
            // The message itself is at fault (it will never read differently): keep it aside rather
            // than retry it forever and stall every kiosk behind it.
            return Reject(context, message, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private bool? Reject(IngestContext context, IngestMessage message, string reason)
    {
        LogRejected(message.Topic, reason);
        context.Db.DeadLetters.Add(new DeadLetter
        {
            Topic = message.Topic.Length <= 256 ? message.Topic : message.Topic[..256],
            Payload = Encoding.UTF8.GetString(message.Payload),
            Reason = reason.Length <= 512 ? reason : reason[..512],
            Received = message.Received,
        });
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest could not read a message on {Topic} (kept in DeadLetters): {Reason}")]
    private partial void LogRejected(string topic, string reason);
}
