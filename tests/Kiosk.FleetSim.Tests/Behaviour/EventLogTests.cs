using System.Text.Json.Nodes;
using Kiosk.Contract.Events;
using Kiosk.FleetSim.Behaviour;

namespace Kiosk.FleetSim.Tests.Behaviour;

public sealed class EventLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Append_PastTheBound_OldestDroppedThenCountReportedWithTheNextSeq()
    {
        var log = new EventLog(new Random(1), new string('a', 32), maxPending: 5);
        for (var i = 0; i < 8; i++)
        {
            log.Append(new DoorClosed("rest"), T0.AddSeconds(i));
        }

        Assert.Equal(5, log.PendingCount);
        Assert.Equal(3, log.DroppedTotal);
        while (log.Peek() is { } e)
        {
            log.Acknowledge(e);
        }

        log.Append(new DoorClosed("life"), T0.AddSeconds(9));

        var dropped = JsonNode.Parse(log.Peek()!.Payload)!;
        Assert.Equal("events.dropped", dropped["type"]!.GetValue<string>());
        Assert.Equal(3, dropped["count"]!.GetValue<long>());
        Assert.Equal(9, dropped["seq"]!.GetValue<long>());
        Assert.Equal(10, log.LastSeq);
    }

    [Fact]
    public void Append_Ids_AreUuidV7WithTheEventTime()
    {
        var log = new EventLog(new Random(2), new string('b', 32), maxPending: 10);
        log.Append(new DoorClosed("rest"), T0);

        var id = JsonNode.Parse(log.Peek()!.Payload)!["id"]!.GetValue<string>();

        Assert.Matches("^[0-9a-f]{12}7[0-9a-f]{3}[89ab][0-9a-f]{15}$", id);
        Assert.Equal(T0.ToUnixTimeMilliseconds(), Convert.ToInt64(id[..12], 16));
    }
}
