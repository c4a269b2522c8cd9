using Kiosk.Fleet.Ingest;
using Kiosk.Fleet.Mqtt;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Tests.Ingest;

/// <summary>The two lanes: events do not wait behind a retained replay, and the replay is not starved.</summary>
public sealed class IngestQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Take_ReplayQueuedBeforeEvents_EventsFirstReplayKeepsAQuarter()
    {
        var queue = Queue();
        for (var i = 0; i < 500; i++)
        {
            await queue.WriteAsync(IngestLane.State, Message($"k/s{i}/status"), Ct);
        }

        for (var i = 0; i < 10; i++)
        {
            await queue.WriteAsync(IngestLane.Live, Message($"k/e{i}/events"), Ct);
        }

        var batch = new List<IngestMessage>();
        queue.Take(batch, 200);

        Assert.Equal(200, batch.Count);
        Assert.All(batch.Take(10), m => Assert.EndsWith("/events", m.Topic, StringComparison.Ordinal));
        Assert.Equal("k/s0/status", batch[10].Topic);
        Assert.Equal(310, queue.StateCount);
        Assert.Equal(0, queue.LiveCount);
    }

    [Fact]
    public async Task Take_BothLanesFull_StateLaneGetsAQuarterLiveTheRest()
    {
        var queue = Queue();
        for (var i = 0; i < 300; i++)
        {
            await queue.WriteAsync(IngestLane.State, Message($"k/s{i}/state"), Ct);
            await queue.WriteAsync(IngestLane.Live, Message($"k/e{i}/events"), Ct);
        }

        var batch = new List<IngestMessage>();
        queue.Take(batch, 200);

        Assert.Equal(150, batch.Count(m => m.Topic.EndsWith("/events", StringComparison.Ordinal)));
        Assert.Equal(50, batch.Count(m => m.Topic.EndsWith("/state", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Take_OnlyOneLane_FillsTheBatchFromIt()
    {
        var queue = Queue();
        for (var i = 0; i < 30; i++)
        {
            await queue.WriteAsync(IngestLane.Live, Message($"k/e{i}/events"), Ct);
        }

        var batch = new List<IngestMessage>();
        queue.Take(batch, 20);
        Assert.Equal(20, batch.Count);
        batch.Clear();
        queue.Take(batch, 20);
        Assert.Equal(10, batch.Count);
    }

    [Fact]
    public async Task WaitAsync_MessageArrivesInStateLane_Returns()
    {
        var queue = Queue();
        var waiting = queue.WaitAsync(Ct);
        Assert.False(waiting.IsCompleted);

        await queue.WriteAsync(IngestLane.State, Message("k/s1/status"), Ct);

        await waiting.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(1, queue.StateCount);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_Throws()
    {
        var queue = Queue();
        using var cancel = new CancellationTokenSource();
        var waiting = queue.WaitAsync(cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    private static IngestQueue Queue() => new(Options.Create(new FleetMqttOptions { IngestQueue = 1000 }));

    private static IngestMessage Message(string topic) => new(topic, [], DateTime.UnixEpoch, static _ => Task.CompletedTask);
}
