using Kiosk.Edge.Doors;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Diagnostics;

/// <summary>A simulated two-cabin kiosk for diagnostics tests: journal, state, board, doors, fake clock.</summary>
internal sealed class TestKiosk : IDisposable
{
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(30);

    public TestKiosk(EventJournalOptions? journalOptions = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("diag-").FullName;
        Journal = new EventJournal(Path.Combine(Directory, "events.db"), journalOptions ?? new EventJournalOptions(), Time);
        Chip = new SimulatedGpioDriver();
        Board = new Board(Chip, Debounce);
        DoorsOptions = new DoorsOptions
        {
            Default = "rest",
            Cabins =
            {
                ["rest"] = new DoorOptions { LockPin = 17, FailMode = DoorFailMode.FailSecure, ContactPin = 27, ExitButtonPin = 16 },
                ["life"] = new DoorOptions { LockPin = 5, FailMode = DoorFailMode.FailSecure, ContactPin = 6, ExitButtonPin = 13 },
            },
        };
        Pins = new PinRegistry(Board.PinCount, Board.ChipName, DoorFactory.Claims(DoorsOptions));
        Doors = DoorFactory.Create(DoorsOptions, Board, Pins, Journal, State, Time, NullLoggerFactory.Instance);
        Doors.Start();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

    public string Directory { get; }

    public EventJournal Journal { get; }

    public StateBoard State { get; } = new();

    public SimulatedGpioDriver Chip { get; }

    public Board Board { get; }

    public DoorsOptions DoorsOptions { get; }

    public PinRegistry Pins { get; }

    public DoorRegistry Doors { get; }

    public Door Door(string id) => Doors.TryGet(id, out var d) ? d : throw new KeyNotFoundException(id);

    /// <summary>Moves a simulated door (its contact line) and lets the debouncer accept it.</summary>
    public void MoveDoor(string id, bool open)
    {
        var wiring = Door(id).Wiring;
        Chip.SetInput(wiring.ContactPin, Kiosk.Edge.Doors.Simulation.DoorSimulation.ContactLevel(wiring, open));
        Time.Advance(Debounce * 2);
    }

    public void Dispose()
    {
        Doors.Dispose();
        Board.Dispose();
        Journal.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
