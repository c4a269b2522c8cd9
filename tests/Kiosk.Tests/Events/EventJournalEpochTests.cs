using Kiosk.Edge.Events;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Events;

public sealed class EventJournalEpochTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("journal-epoch-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Epoch_RestartOnTheSameStateDirectory_Kept()
    {
        string first;
        using (var journal = Open("a"))
        {
            first = journal.Epoch;
        }

        using var again = Open("a");

        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.Equal(first, again.Epoch);
        Assert.Equal(2, again.Boot);
    }

    [Fact]
    public void Epoch_NewStateDirectory_NewEpochAndBootFromOne()
    {
        using var old = Open("old");
        using var rebuilt = Open("rebuilt");

        Assert.NotEqual(old.Epoch, rebuilt.Epoch);
        Assert.Equal(1, rebuilt.Boot);
    }

    [Fact]
    public void Append_EveryEvent_CarriesTheEpochAfterTheEnvelope()
    {
        using var journal = Open("e");

        var e = journal.Append(new Kiosk.Contract.Events.DoorClosed("rest"));

        Assert.Contains($"\"type\":\"door.closed\",\"epoch\":\"{journal.Epoch}\",\"door\":\"rest\"", e.Json, StringComparison.Ordinal);
        Assert.Equal(journal.Epoch, Assert.Single(journal.ReadAfter(0, 10)).ToJsonObject()["epoch"]!.GetValue<string>());
        Assert.False(e.Fields.ContainsKey("epoch"));
    }

    private EventJournal Open(string name) => new(Path.Combine(_dir, name, "events.db"), new EventJournalOptions(), _time);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
