using Kiosk.Contract.Events;
using System.Text.Json.Nodes;
using Kiosk.Edge.Events;
using Kiosk.IntegrationTests.EndToEnd;
using Eventually = Kiosk.IntegrationTests.Infrastructure.Eventually;
using Kiosk.IntegrationTests.Infrastructure;

namespace Kiosk.IntegrationTests.Messaging;

/// <summary>The real service process, killed with SIGKILL while it drains its outbox, then restarted on the same state.</summary>
public sealed class OutboxCrashTests
{
    private const int Backlog = 200;

    [Fact]
    public async Task Outbox_ServiceKilledMidStream_RestartDeliversEveryEventInOrder()
    {
        await using var broker = new MosquittoBroker();
        await broker.StartAsync();
        var state = Directory.CreateTempSubdirectory("kiosk-crash-").FullName;
        using (var journal = new EventJournal(Path.Combine(state, "events.db"), new EventJournalOptions(), TimeProvider.System))
        {
            for (var i = 0; i < Backlog; i++)
            {
                journal.Append(new DoorOpened("rest", "scan", "w-" + i, "worker"));
            }
        }

        await using var backend = await BrokerObserver.ConnectAsync(broker.Port, "kiosk/demo-0001/events");
        var settings = new Dictionary<string, string>(KioskSettings.Isolated())
        {
            ["Mqtt:Host"] = broker.Host,
            ["Mqtt:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mqtt:Tls:Enabled"] = "false",
            ["Mqtt:Events:MaxRate"] = "60",
            ["Mqtt:Events:Burst"] = "1",
        };

        await using (var first = await ServiceProcess.StartAsync(settings, state, TestContext.Current.CancellationToken))
        {
            await Eventually.TrueAsync(() => backend.Messages.Count >= 60, TimeSpan.FromSeconds(30), "the drain to be under way");
            await first.KillAsync();
        }

        var beforeRestart = backend.Messages.Count;
        Assert.True(beforeRestart < Backlog, $"the kill came too late to be mid-stream ({beforeRestart} delivered)");
        await using var second = await ServiceProcess.StartAsync(settings, state, TestContext.Current.CancellationToken);

        await Eventually.TrueAsync(() => Seqs(backend).Distinct().Count(s => s <= Backlog) == Backlog, TimeSpan.FromSeconds(40), $"all {Backlog} events");
        var firstDeliveries = Seqs(backend).Distinct().ToList();
        Assert.Equal(firstDeliveries.Order().ToList(), firstDeliveries);
        Assert.Equal(Enumerable.Range(1, firstDeliveries.Count).Select(i => (long)i), firstDeliveries);
    }

    private static IEnumerable<long> Seqs(BrokerObserver backend) =>
        backend.Messages.Select(m => m.Json["seq"]!.GetValue<long>());
}
