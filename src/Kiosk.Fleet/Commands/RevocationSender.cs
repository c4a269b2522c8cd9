using System.Text.Json;
using System.Threading.Channels;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Json;
using Kiosk.Fleet.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Commands;

/// <summary>
/// Keeps every kiosk's revocation list complete: sends <c>revoke</c> with the subjects a kiosk has
/// not yet acknowledged when a worker is disabled, when a kiosk comes online (it may have been
/// offline, or rebuilt with an empty list) and after this service reconnects. One loop.
/// </summary>
internal sealed partial class RevocationSender(
    CommandSender sender,
    CommandSigner signer,
    IServiceScopeFactory scopes,
    ILogger<RevocationSender> logger) : BackgroundService
{
    /// <summary>The <c>sub</c> of revocations sent by the service itself (re-sends).</summary>
    public const string Actor = "kiosk-fleet";

    private const string AllKiosks = "*";
    private const int Chunk = 1000;
    private readonly Channel<string> _due = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger<RevocationSender> _logger = logger;

    public void Enqueue(string kioskId) => _due.Writer.TryWrite(kioskId);

    public void EnqueueAll() => _due.Writer.TryWrite(AllKiosks);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var kiosk in _due.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await StepAsync(kiosk, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Brings one kiosk (or every online kiosk, for <c>*</c>) up to date.</summary>
    internal async Task StepAsync(string kiosk, CancellationToken cancellationToken)
    {
        List<string> kiosks;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FleetDb>();
            var newest = await db.Revocations.MaxAsync(r => (long?)r.Id, cancellationToken).ConfigureAwait(false) ?? 0;
            kiosks = await db.Kiosks
                .Where(k => k.Online && k.RevocationsDelivered < newest && (kiosk == AllKiosks || k.Id == kiosk))
                .Select(k => k.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var id in kiosks)
        {
            await SendAsync(id, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(string kioskId, CancellationToken cancellationToken)
    {
        long delivered;
        List<Revocation> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FleetDb>();
            delivered = await db.Kiosks.Where(k => k.Id == kioskId).Select(k => k.RevocationsDelivered).FirstAsync(cancellationToken).ConfigureAwait(false);
            due = await db.Revocations.Where(r => r.Id > delivered).OrderBy(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var chunk in due.Chunk(Chunk))
        {
            using var args = JsonSerializer.SerializeToDocument(new RevokeArguments(Subs: [.. chunk.Select(r => r.Sub)]), ContractJsonContext.Default.RevokeArguments);
            var token = signer.Command(kioskId, CommandNames.Revoke, args.RootElement, Actor);
            var outcome = await sender.SendAsync(kioskId, CommandNames.Revoke, args.RootElement, token, Actor, cancellationToken).ConfigureAwait(false);
            if (outcome.Status != CommandStatus.Ok)
            {
                // Tried again when the kiosk next comes online or this service reconnects.
                LogNotDelivered(kioskId, outcome.Error ?? outcome.Status.ToString());
                return;
            }

            var upTo = chunk[^1].Id;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FleetDb>();
            await db.Kiosks.Where(k => k.Id == kioskId && k.RevocationsDelivered < upTo)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevocationsDelivered, upTo), cancellationToken).ConfigureAwait(false);
            LogDelivered(kioskId, chunk.Length);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Revocations: {Count} subjects delivered to {Kiosk}")]
    private partial void LogDelivered(string kiosk, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revocations for {Kiosk} not delivered ({Reason}); retried when it reconnects")]
    private partial void LogNotDelivered(string kiosk, string reason);
}
