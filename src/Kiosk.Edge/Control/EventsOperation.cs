using System.Text.Json.Nodes;
using System.Threading.Channels;
using Kiosk.Edge.Events;

namespace Kiosk.Edge.Control;

/// <summary>
/// <c>kioskctl events [--since SEQ] [--follow]</c>: the stored events after a sequence number
/// (the last 50 by default), then, when following, every new event as it is appended.
/// </summary>
internal sealed class EventsOperation(EventJournal journal) : ControlOperation
{
    private const int Batch = 500;

    public override string Name => "events";

    public override async ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        var follow = args["follow"]?.GetValue<bool>() ?? false;
        var since = args["since"] is { } s ? s.GetValue<long>() : Math.Max(0, journal.LastSeq - 50);
        var live = follow ? Channel.CreateBounded<KioskEvent>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest }) : null;
        void OnAppended(KioskEvent e) => live?.Writer.TryWrite(e);
        if (follow)
        {
            journal.Appended += OnAppended;
        }

        try
        {
            while (true)
            {
                var page = journal.ReadAfter(since, Batch);
                if (page.Count == 0)
                {
                    break;
                }

                await session.WriteAsync(new JsonArray([.. page.Select(e => (JsonNode)e.ToJsonObject())]), cancellationToken).ConfigureAwait(false);
                since = page[^1].Seq;
            }

            if (live is null)
            {
                return null;
            }

            await foreach (var e in live.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (e.Seq > since)
                {
                    await session.WriteAsync(e.ToJsonObject(), cancellationToken).ConfigureAwait(false);
                    since = e.Seq;
                }
            }

            return null;
        }
        finally
        {
            if (follow)
            {
                journal.Appended -= OnAppended;
            }
        }
    }
}
