using Kiosk.Fleet.Ingest;
using Kiosk.Fleet.Mqtt;
using Kiosk.Fleet.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Console.Tests.Live;

public sealed class FleetChangesTests
{
    private static IngestMessage Message(string topic) => new(topic, [], DateTime.UnixEpoch, _ => Task.CompletedTask);

    [Fact]
    public void Publish_Batch_KindsAndKiosksFromTheTopics()
    {
        var changes = new FleetChanges(new FleetTopics("kiosk", "fleet-1"), NullLogger<FleetChanges>.Instance);
        var seen = new List<FleetChange>();
        using var _ = changes.Subscribe(seen.Add);

        changes.Publish([Message("kiosk/k-1/status"), Message("kiosk/k-2/events"), Message("kiosk/k-2/telemetry"), Message("other/x")]);

        var change = Assert.Single(seen);
        Assert.Equal(FleetChangeKinds.Status | FleetChangeKinds.Events | FleetChangeKinds.Telemetry, change.Kinds);
        Assert.Equal(["k-1", "k-2"], change.Kiosks.Order(StringComparer.Ordinal));
        Assert.True(change.Touches(FleetChangeKinds.Events, "k-2"));
        Assert.False(change.Touches(FleetChangeKinds.State, "k-2"));
        Assert.False(change.Touches(FleetChangeKinds.Status, "k-3"));
    }

    [Fact]
    public void Publish_NothingKnown_NobodyCalled()
    {
        var changes = new FleetChanges(new FleetTopics("kiosk", "fleet-1"), NullLogger<FleetChanges>.Instance);
        var calls = 0;
        using var _ = changes.Subscribe(_ => calls++);

        changes.Publish([Message("kiosk/k-1/reply/other-fleet/r1")]);

        Assert.Equal(0, calls);
    }

    [Fact]
    public void Publish_AHandlerThrows_TheOthersStillHearIt()
    {
        var changes = new FleetChanges(new FleetTopics("kiosk", "fleet-1"), NullLogger<FleetChanges>.Instance);
        var heard = 0;
        using var bad = changes.Subscribe(_ => throw new InvalidOperationException("broken page"));
        using var good = changes.Subscribe(_ => heard++);

        changes.Publish(FleetChange.Of(FleetChangeKinds.Alarms, "k-1"));

        Assert.Equal(1, heard);
    }

    [Fact]
    public void Subscribe_Disposed_NoLongerCalled()
    {
        var changes = new FleetChanges(new FleetTopics("kiosk", "fleet-1"), NullLogger<FleetChanges>.Instance);
        var calls = 0;
        var subscription = changes.Subscribe(_ => calls++);
        subscription.Dispose();

        changes.Publish(FleetChange.Of(FleetChangeKinds.Alarms, "k-1"));

        Assert.Equal((0, 0), (calls, changes.Subscribers));
    }
}
