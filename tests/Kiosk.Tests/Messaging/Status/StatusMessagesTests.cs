using Kiosk.Contract.Json;
using System.Text.Json;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Events;
using Kiosk.Edge.Messaging.Status;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Messaging.Status;

public sealed class StatusMessagesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("status-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Birth_StationAndCabins_FromKioskOptionsAndDoorsSection()
    {
        using var journal = new EventJournal(Path.Combine(_dir, "e.db"), new EventJournalOptions(), _time);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Doors:Default"] = "rest",
            ["Doors:Cabins:rest:Capacity"] = "6",
            ["Doors:Cabins:rest:LockPin"] = "17",
            ["Doors:Cabins:life:Capacity"] = "2",
        }).Build();
        var kiosk = new KioskOptions { Id = "tyyz-0007", Station = { Code = "TYYZ-07", Name = "Yangzi Rd", Latitude = 31.2, Longitude = 121.4, Amenities = ["hot_water", "charging"] } };
        var messages = new StatusMessages(Options.Create(kiosk), configuration, journal);

        var birth = JsonSerializer.SerializeToNode(messages.Birth(_time.GetUtcNow()), ContractJsonContext.Default.StatusMessage)!;

        Assert.True(birth["online"]!.GetValue<bool>());
        Assert.Equal("2026-11-23T06:00:00.000Z", birth["ts"]!.GetValue<string>());
        Assert.Equal(1, birth["boot"]!.GetValue<long>());
        var station = birth["station"]!;
        Assert.Equal("TYYZ-07", station["code"]!.GetValue<string>());
        Assert.Equal(["hot_water", "charging"], station["amenities"]!.AsArray().Select(a => a!.GetValue<string>()));
        var cabins = station["cabins"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["capacity"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["life"] = 2, ["rest"] = 6 }, cabins);
    }

    [Fact]
    public void Offline_WillPayload_OnlineFalseTsBootAndEpoch()
    {
        using var journal = new EventJournal(Path.Combine(_dir, "e.db"), new EventJournalOptions(), _time);
        var messages = new StatusMessages(Options.Create(new KioskOptions { Id = "tyyz-0007" }), new ConfigurationBuilder().Build(), journal);

        var offline = JsonSerializer.SerializeToNode(messages.Offline(_time.GetUtcNow()), ContractJsonContext.Default.StatusMessage)!;

        Assert.Equal($"{{\"online\":false,\"ts\":\"2026-11-23T06:00:00.000Z\",\"boot\":1,\"epoch\":\"{journal.Epoch}\"}}", offline.ToJsonString());
        Assert.Matches("^[0-9a-f]{32}$", journal.Epoch);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
