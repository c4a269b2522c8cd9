using Kiosk.Contract.State;
using Kiosk.Contract.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Health;
using Kiosk.Edge.State;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Health;

public sealed class HealthMonitorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly StateBoard _board = new();

    [Fact]
    public void Evaluate_LoopBeatWithinDeadline_Live()
    {
        var health = Monitor();
        _time.Advance(TimeSpan.FromSeconds(40));
        health.Beat(HealthMonitor.DoorLoop);
        _time.Advance(TimeSpan.FromSeconds(4));

        Assert.True(health.Evaluate().Live);
    }

    [Fact]
    public void Evaluate_LoopSilentPastDeadline_NotLiveAndNamesLoop()
    {
        var health = Monitor();
        health.Beat(HealthMonitor.DoorLoop);
        _time.Advance(TimeSpan.FromSeconds(6));

        var snapshot = health.Evaluate();

        Assert.False(snapshot.Live);
        Assert.False(snapshot.Ready);
        Assert.Equal([HealthMonitor.DoorLoop, HealthMonitor.Storage, HealthMonitor.Broker], snapshot.Failing);
        Assert.Equal("no beat within 00:00:05", _board.Get("health")!["checks"]!["doors"]!["detail"]!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_LoopNeverBeat_LiveOnlyDuringStartupGrace()
    {
        var health = Monitor();
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.True(health.Evaluate().Live);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(health.Evaluate().Live);
        Assert.Equal("never beat", _board.Get("health")!["checks"]!["doors"]!["detail"]!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_BrokerDown_LiveButNotReady()
    {
        var health = Monitor();
        health.Beat(HealthMonitor.DoorLoop);
        health.Report(HealthMonitor.Storage, ok: true);
        health.Report(HealthMonitor.Broker, ok: false);

        var snapshot = health.Evaluate();

        Assert.True(snapshot.Live);
        Assert.False(snapshot.Ready);
    }

    [Fact]
    public void Evaluate_BrokerNotRequired_ReadyWithStorageAlone()
    {
        var health = Monitor(requireBroker: false);
        health.Beat(HealthMonitor.DoorLoop);
        health.Report(HealthMonitor.Storage, ok: true);

        Assert.True(health.Evaluate().Ready);
    }

    [Fact]
    public void Evaluate_StorageFailing_LiveButNotReady()
    {
        var health = Monitor();
        health.Beat(HealthMonitor.DoorLoop);
        health.Report(HealthMonitor.Storage, ok: false, "IOException: Read-only file system");
        health.Report(HealthMonitor.Broker, ok: true);

        var snapshot = health.Evaluate();

        Assert.True(snapshot.Live);
        Assert.False(snapshot.Ready);
        Assert.Equal([HealthMonitor.Storage], snapshot.Failing);
    }

    [Fact]
    public void Evaluate_AllGood_PublishesHealthSection()
    {
        var health = Monitor();
        health.Beat(HealthMonitor.DoorLoop);
        health.Report(HealthMonitor.Storage, ok: true);
        health.Report(HealthMonitor.Broker, ok: true);

        health.Evaluate();

        var section = _board.Get("health")!;
        Assert.True(section["live"]!.GetValue<bool>());
        Assert.True(section["ready"]!.GetValue<bool>());
        Assert.Equal(["broker", "doors", "storage"], section["checks"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluate_RepeatedWhileNothingChanges_SectionUnchanged()
    {
        var health = Monitor();
        health.Beat(HealthMonitor.DoorLoop);
        health.Report(HealthMonitor.Storage, ok: true);
        health.Evaluate();
        var changes = 0;
        _board.Changed += _ => changes++;

        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            health.Beat(HealthMonitor.DoorLoop);
            health.Report(HealthMonitor.Storage, ok: true);
            health.Evaluate();
        }

        // The MQTT state publisher republishes on change: a healthy kiosk must not cause traffic.
        Assert.Equal(0, changes);
    }

    [Fact]
    public void Report_LinkSectionConnected_BrokerFollowsIt()
    {
        var health = Monitor();
        health.Beat(HealthMonitor.DoorLoop);
        health.Report(HealthMonitor.Storage, ok: true);

        _board.Set(StateSections.Link, new LinkState(true, _time.GetUtcNow(), "broker:8883", "5.0", null, 0, 0), ContractJsonContext.Default.LinkState);
        Assert.True(health.Evaluate().Ready);

        _board.Set(StateSections.Link, new LinkState(false, _time.GetUtcNow(), "broker:8883", "5.0", "refused", 1, 0), ContractJsonContext.Default.LinkState);
        Assert.False(health.Evaluate().Ready);
    }

    [Fact]
    public void Beat_LoopNotRequired_Ignored()
    {
        var health = Monitor();
        health.Beat("someone-else");
        health.Beat(HealthMonitor.DoorLoop);

        Assert.Null(_board.Get("health"));
        health.Evaluate();
        Assert.Null(_board.Get("health")!["checks"]!["someone-else"]);
    }

    private HealthMonitor Monitor(bool requireBroker = true) => new(_time, _board, Options.Create(new HealthOptions
    {
        Loops = { [HealthMonitor.DoorLoop] = TimeSpan.FromSeconds(5) },
        StartupGrace = TimeSpan.FromSeconds(30),
        RequireBroker = requireBroker,
    }));
}
