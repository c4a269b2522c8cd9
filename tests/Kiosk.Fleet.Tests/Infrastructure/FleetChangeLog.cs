using Kiosk.Fleet.Web.Live;

namespace Kiosk.Fleet.Tests.Infrastructure;

/// <summary>
/// What one fleet instance committed, batch by batch in commit order: the change each ingest commit
/// publishes to the live console (<see cref="FleetChanges"/>). Attach it before the instance starts;
/// it listens as long as the instance lives.
/// </summary>
internal sealed class FleetChangeLog
{
    private readonly List<FleetChange> _changes = [];
    private readonly Lock _gate = new();

    public static FleetChangeLog AttachTo(IServiceProvider services)
    {
        var log = new FleetChangeLog();
        _ = services.GetRequiredService<FleetChanges>().Subscribe(log.Add);
        return log;
    }

    public IReadOnlyList<FleetChange> Snapshot()
    {
        lock (_gate)
        {
            return [.. _changes];
        }
    }

    /// <summary>The kiosks of every committed batch of <paramref name="kinds"/> from <paramref name="from"/> on.</summary>
    public HashSet<string> Kiosks(FleetChangeKinds kinds, int from = 0) =>
        Snapshot().Skip(from).Where(c => c.Touches(kinds)).SelectMany(c => c.Kiosks).ToHashSet(StringComparer.Ordinal);

    private void Add(FleetChange change)
    {
        lock (_gate)
        {
            _changes.Add(change);
        }
    }
}
