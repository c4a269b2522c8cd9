using System.Collections.Immutable;
using Kiosk.Fleet.Ingest;
using Kiosk.Fleet.Mqtt;

namespace Kiosk.Fleet.Web.Live;

/// <summary>
/// The in-process broadcaster behind the live console: ingest (after each commit), the alarm watcher
/// and acknowledgements publish; console components subscribe and re-read what they show. One
/// publisher call per batch, not per user: nothing here polls the database.
/// </summary>
/// <remarks>
/// Handlers run on the publisher's thread and must return at once (a component hands the work to its
/// renderer with <c>InvokeAsync</c>); <see cref="LiveSubscription"/> does that and coalesces bursts.
/// </remarks>
internal sealed partial class FleetChanges(FleetTopics topics, ILogger<FleetChanges> logger)
{
    private readonly ILogger<FleetChanges> _logger = logger;
    private ImmutableArray<Action<FleetChange>> _subscribers = [];

    public int Subscribers => _subscribers.Length;

    /// <summary>Adds a handler; disposing the result removes it.</summary>
    public IDisposable Subscribe(Action<FleetChange> handler)
    {
        ImmutableInterlocked.Update(ref _subscribers, s => s.Add(handler));
        return new Unsubscriber(this, handler);
    }

    public void Publish(FleetChange change)
    {
        if (change.Kinds == FleetChangeKinds.None)
        {
            return;
        }

        foreach (var handler in _subscribers)
        {
            try
            {
                handler(change);
            }
            catch (Exception e)
            {
                // One broken page must not stop ingest or the other pages; it is logged, not hidden.
                LogHandlerFailed(e);
            }
        }
    }

    /// <summary>Publishes what a committed ingest batch changed (from its topics).</summary>
    public void Publish(IReadOnlyList<IngestMessage> batch)
    {
        if (_subscribers.IsEmpty)
        {
            return;
        }

        var kinds = FleetChangeKinds.None;
        var kiosks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in batch)
        {
            var (kind, kiosk) = topics.Parse(message.Topic);
            var change = kind switch
            {
                TopicKind.Status => FleetChangeKinds.Status,
                TopicKind.State => FleetChangeKinds.State,
                TopicKind.Telemetry => FleetChangeKinds.Telemetry,
                TopicKind.Events => FleetChangeKinds.Events,
                _ => FleetChangeKinds.None,
            };
            if (change != FleetChangeKinds.None)
            {
                kinds |= change;
                kiosks.Add(kiosk);
            }
        }

        Publish(new FleetChange(kinds, kiosks));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A live console handler failed")]
    private partial void LogHandlerFailed(Exception e);

    private sealed class Unsubscriber(FleetChanges owner, Action<FleetChange> handler) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref owner._subscribers, s => s.Remove(handler));
    }
}
