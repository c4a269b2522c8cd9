using Kiosk.FleetSim.Behaviour;
using Kiosk.FleetSim.Tests.Infrastructure;
using Kiosk.IntegrationTests.Infrastructure;

namespace Kiosk.FleetSim.Tests.Mqtt;

/// <summary>The simulator against a real Mosquitto on a free loopback port, in wall time sped up.</summary>
public sealed class SimulatorOnBrokerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly MosquittoBroker _broker = new();

    public async ValueTask InitializeAsync() => await _broker.StartAsync();

    public async ValueTask DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task RunAsync_ThreeKiosks_BirthsStateEventsInSeqOrder_ThenOfflineOnStop_AndBytesCounted()
    {
        await using var backend = await BrokerObserver.ConnectAsync(_broker.Port, "kiosk/#");
        await using var sim = SimFactory.Create(3, 5, TimeProvider.System, _broker.Port, timeScale: 600, behaviour: new BehaviourOptions { LinkDropsPerDay = 0 });
        using var stop = new CancellationTokenSource();
        var run = sim.RunAsync(stop.Token);

        await Eventually.TrueAsync(() => backend.Messages.Count(m => m.Topic.EndsWith("/status", StringComparison.Ordinal) && m.Json["online"]!.GetValue<bool>()) >= 3, Patience, "three births");
        await Eventually.TrueAsync(() => backend.Messages.Count(m => m.Topic.EndsWith("/events", StringComparison.Ordinal)) >= 15, Patience, "events");
        await stop.CancelAsync();
        await run;

        var birth = backend.Messages.First(m => m.Topic == "kiosk/tyyz-0001/status").Json;
        Assert.Equal("TYYZ-0001", birth["station"]!["code"]!.GetValue<string>());
        Assert.Equal("1", birth["contract"]!.GetValue<string>());
        await using var late = await BrokerObserver.ConnectAsync(_broker.Port, "kiosk/tyyz-0001/state");
        var state = await late.WaitForAsync("kiosk/tyyz-0001/state");
        Assert.True(state.Retained);
        Assert.Equal(["rest", "life"], state.Json["doors"]!.AsObject().Select(d => d.Key));
        foreach (var kiosk in sim.Kiosks)
        {
            var seqs = backend.Messages.Where(m => m.Topic == $"kiosk/{kiosk.Id}/events").Select(m => m.Json["seq"]!.GetValue<long>()).ToList();
            Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
            Assert.False(backend.Messages.Last(m => m.Topic == $"kiosk/{kiosk.Id}/status").Json["online"]!.GetValue<bool>());
        }

        var stats = sim.Stats(TimeSpan.FromSeconds(1));
        Assert.Equal(3, stats.Connects);
        Assert.True(stats.BytesSent > 1000 && stats.BytesReceived > 0, $"{stats.BytesSent} sent, {stats.BytesReceived} received");
        Assert.Equal(stats.EventsAppended, stats.EventsSent + stats.EventsPending);
    }

    [Fact]
    public async Task RunAsync_LinkDrop_BrokerSendsWill_KioskComesBackWithBirthAndNoEventLost()
    {
        await using var backend = await BrokerObserver.ConnectAsync(_broker.Port, "kiosk/#");
        // 2,000 drops a day at 600x: about one every 40 wall milliseconds of the first kiosk's life... tuned to a few per run.
        await using var sim = SimFactory.Create(1, 9, TimeProvider.System, _broker.Port, timeScale: 600, behaviour: new BehaviourOptions { LinkDropsPerDay = 200, RecordEvents = true });
        using var stop = new CancellationTokenSource();
        var run = sim.RunAsync(stop.Token);

        await Eventually.TrueAsync(() => backend.Messages.Any(m => m.Topic == "kiosk/tyyz-0001/status" && !m.Json["online"]!.GetValue<bool>()), Patience, "a will");
        var willAt = backend.Messages.Count;
        await Eventually.TrueAsync(() => backend.Messages.Skip(willAt).Any(m => m.Topic == "kiosk/tyyz-0001/status" && m.Json["online"]!.GetValue<bool>()), Patience, "a birth after the will");
        await Eventually.TrueAsync(() => sim.Kiosks[0].Model.Events.PendingCount == 0 && sim.Kiosks[0].Model.LinkDownUntil is null, Patience, "the outbox drained");
        await stop.CancelAsync();
        await run;

        var seqs = backend.Messages.Where(m => m.Topic == "kiosk/tyyz-0001/events").Select(m => m.Json["seq"]!.GetValue<long>()).Distinct().Order().ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
        Assert.True(sim.Kiosks[0].Connects >= 2, $"{sim.Kiosks[0].Connects} connects");
    }
}
