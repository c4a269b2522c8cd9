using Kiosk.Contract.Events;
using System.Text.Json.Nodes;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Occupancy;
using Kiosk.Edge.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Occupancy;

/// <summary>A journal, a state board and a fake clock around an estimator, plus event helpers.</summary>
internal sealed class OccupancyFixture : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("occupancy-").FullName;

    public OccupancyFixture(OccupancyOptions options, DateTimeOffset? start = null, ILogger<OccupancyEstimator>? logger = null)
    {
        Options = options;
        Time = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
        Journal = new EventJournal(Path.Combine(_dir, "events.db"), new EventJournalOptions(), Time);
        Estimator = new OccupancyEstimator(
            Microsoft.Extensions.Options.Options.Create(options), Journal, State, Time, logger ?? NullLogger<OccupancyEstimator>.Instance);
    }

    public OccupancyOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public EventJournal Journal { get; }

    public StateBoard State { get; } = new();

    public OccupancyEstimator Estimator { get; }

    public static OccupancyOptions Cabin(string id = "rest", int capacity = 6, bool beams = false, bool presence = false)
    {
        var options = new OccupancyOptions();
        options.Cabins[id] = new CabinOptions
        {
            Capacity = capacity,
            BeamAPin = beams ? 7 : null,
            BeamBPin = beams ? 8 : null,
            PresencePin = presence ? 9 : null,
        };
        return options;
    }

    public void Opened(string door, string via, string? sub = null)
    {
        Journal.Append(new DoorOpened(door, via, sub, sub is null ? null : "worker"));
    }

    /// <summary>The door's contact (and lock) as the door feed reports it; the first call wires the door's contact.</summary>
    public void Door(string door, bool open, bool locked = false)
    {
        Estimator.SenseDoor(door);
        Estimator.DoorChanged(door, open, locked);
    }

    /// <summary>A release by <paramref name="via"/> that the door opened for, then closed and relocked.</summary>
    public void Passed(string door, string via, string? sub = null)
    {
        Estimator.SenseDoor(door);
        Opened(door, via, sub);
        Door(door, open: true);
        Door(door, open: false, locked: true);
    }

    /// <summary>The cabin's entry in the published "occupancy" state section.</summary>
    public JsonNode? CabinState(string cabin) => State.Get("occupancy")?[cabin];

    public List<KioskEvent> Events(string type) => [.. Journal.ReadAfter(0, 1000).Where(e => e.Type == type)];

    public OccupancySensors Sensors(SimulatedGpioDriver chip, TimeSpan debounce) =>
        new(new Board(chip, debounce), Options, Estimator, Time);

    public void Dispose()
    {
        Estimator.Dispose();
        Journal.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
