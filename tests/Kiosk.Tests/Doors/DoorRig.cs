using System.Device.Gpio;
using System.Text.Json.Nodes;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Doors;

/// <summary>Two simulated cabins (rest: 17/27/16, life: 5/6/13) on a fake clock, with a real journal.</summary>
internal sealed class DoorRig : IDisposable
{
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(30);

    private readonly string _dir = Directory.CreateTempSubdirectory("doors-").FullName;

    /// <param name="prepare">Drives the simulated lines after the simulation's defaults, before the doors start.</param>
    /// <param name="start">False leaves the doors unstarted (for tests of the start itself).</param>
    public DoorRig(Action<DoorsOptions>? configure = null, Action<SimulatedGpioDriver>? prepare = null, ILoggerFactory? loggers = null, bool start = true)
    {
        Options = new DoorsOptions
        {
            Default = "rest",
            Cabins =
            {
                ["rest"] = new DoorOptions { LockPin = 17, FailMode = DoorFailMode.FailSecure, ContactPin = 27, ExitButtonPin = 16 },
                ["life"] = new DoorOptions { LockPin = 5, FailMode = DoorFailMode.FailSafe, LockActiveLow = true, ContactPin = 6, ExitButtonPin = 13, Capacity = 2 },
            },
        };
        configure?.Invoke(Options);
        Board = new Board(Chip, Debounce);
        Journal = new EventJournal(Path.Combine(_dir, "events.db"), new EventJournalOptions(), Time);
        var pins = new PinRegistry(Board, [new ClaimsOf(DoorFactory.Claims(Options))]);
        Doors = DoorFactory.Create(Options, Board, pins, Journal, State, Time, loggers ?? NullLoggerFactory.Instance);
        if (prepare is not null)
        {
            prepare(Chip);
            Time.Advance(Debounce);
        }

        if (start)
        {
            Doors.Start();
        }
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

    public SimulatedGpioDriver Chip { get; } = new();

    public Board Board { get; }

    public DoorsOptions Options { get; }

    public EventJournal Journal { get; }

    public StateBoard State { get; } = new();

    public DoorRegistry Doors { get; }

    public Door Rest => Door("rest");

    public Door Life => Door("life");

    public Door Door(string id) => Doors.TryGet(id, out var d) ? d : throw new KeyNotFoundException(id);

    /// <summary>Moves the door (drives its contact line) and lets the debounce elapse.</summary>
    public void MoveDoor(string id, bool open)
    {
        var wiring = Door(id).Wiring;
        Chip.SetInput(wiring.ContactPin, Level(open ? Opposite(wiring.ContactClosedLevel) : wiring.ContactClosedLevel));
        Time.Advance(Debounce);
    }

    public void PressExit(string id)
    {
        var wiring = Door(id).Wiring;
        Chip.SetInput(wiring.ExitButtonPin, Level(wiring.ExitButtonActiveLevel));
        Time.Advance(Debounce);
        Chip.SetInput(wiring.ExitButtonPin, Level(Opposite(wiring.ExitButtonActiveLevel)));
        Time.Advance(Debounce);
    }

    public PinValue LockLine(string id) => Chip.GetOutput(Door(id).Wiring.LockPin);

    public IReadOnlyList<KioskEvent> Events() => Journal.ReadAfter(0, 1000);

    public IReadOnlyList<string> EventTypes() => [.. Events().Select(e => e.Type)];

    public JsonNode? DoorState(string id) => State.Get(DoorRegistry.StateSection)?[id];

    public void Dispose()
    {
        Doors.Dispose();
        Board.Dispose();
        Journal.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static LineLevel Opposite(LineLevel level) => level == LineLevel.High ? LineLevel.Low : LineLevel.High;

    private static PinValue Level(LineLevel level) => level == LineLevel.High ? PinValue.High : PinValue.Low;

    private sealed class ClaimsOf(IEnumerable<PinClaim> claims) : PinClaimSource
    {
        public override IEnumerable<PinClaim> Claims() => claims;
    }
}
