using Kiosk.Contract.Events;
using System.Text.Json.Nodes;
using Kiosk.Edge.Events;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Events;

public sealed class EventJournalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("journal-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Append_AfterReopen_SequenceContinuesWithoutGap()
    {
        var path = Path.Combine(_dir, "events.db");
        using (var first = new EventJournal(path, new EventJournalOptions(), _time))
        {
            Assert.Equal(1, first.Append(new SystemStarted("0.1.0", 1)).Seq);
            Assert.Equal(2, first.Append(new DoorOpened("rest", "scan")).Seq);
        }

        using var second = new EventJournal(path, new EventJournalOptions(), _time);
        Assert.Equal(3, second.Append(new DoorClosed("rest")).Seq);
        Assert.Equal(2, second.Boot);
        Assert.Equal([1L, 2L, 3L], second.ReadPending(10).Select(e => e.Seq));
    }

    [Fact]
    public void ToJson_Event_HasContractFieldsAndRfc3339Timestamp()
    {
        using var journal = new EventJournal(Path.Combine(_dir, "e.db"), new EventJournalOptions(), _time);
        var e = journal.Append(new DoorOpened("rest", "scan"));
        var json = JsonNode.Parse(e.ToJson())!.AsObject();
        Assert.Equal("2026-11-23T06:00:00.000Z", json["ts"]!.GetValue<string>());
        Assert.Equal(1, json["seq"]!.GetValue<long>());
        Assert.Equal("door.opened", json["type"]!.GetValue<string>());
        Assert.Equal("rest", json["door"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(json["id"]!.GetValue<string>()));
    }

    [Fact]
    public void MarkPublished_Event_LeavesOutboxButStaysInAudit()
    {
        using var journal = new EventJournal(Path.Combine(_dir, "e.db"), new EventJournalOptions(), _time);
        var e = journal.Append(new DoorClosed("rest"));
        journal.MarkPublished(e.Seq);
        Assert.Equal(0, journal.PendingCount);
        Assert.Empty(journal.ReadPending(10));
        Assert.Single(journal.ReadAfter(0, 10));
    }

    [Fact]
    public void Append_PastPendingBound_DropsOldestAndCountsIt()
    {
        var options = new EventJournalOptions { MaxPendingEvents = 10 };
        using var journal = new EventJournal(Path.Combine(_dir, "e.db"), options, _time);
        for (var i = 0; i < 13; i++)
        {
            journal.Append(new DoorClosed("rest"));
        }

        Assert.Equal(3, journal.DroppedCount);
        Assert.Equal(10, journal.PendingCount);
        Assert.Equal(4, journal.ReadPending(100)[0].Seq);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
