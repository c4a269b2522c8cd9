using Kiosk.Edge.Doors.Simulation;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.State;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Doors;

/// <summary>
/// Composition: builds each door's lock, contact and exit button on the board, from the lines the
/// <see cref="PinRegistry"/> validated. Each lock is driven to Locked as soon as its line opens.
/// </summary>
internal static class DoorFactory
{
    public static DoorRegistry Create(
        DoorsOptions options,
        Board board,
        PinRegistry pins,
        EventJournal journal,
        StateBoard state,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var doors = new List<Door>();
        foreach (var (id, o) in options.Cabins.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var wiring = new DoorWiring(
                pins.Pin(DoorsOptions.Key(id, nameof(DoorOptions.LockPin))),
                pins.Pin(DoorsOptions.Key(id, nameof(DoorOptions.ContactPin))),
                o.ContactClosedLevel,
                pins.Pin(DoorsOptions.Key(id, nameof(DoorOptions.ExitButtonPin))),
                o.ExitButtonActiveLevel);

            if (board.Simulation is { } chip)
            {
                DoorSimulation.Prepare(chip, wiring);
            }

            var doorLock = new DoorLock(board.Gpio, wiring.LockPin, o.LockActiveLow, o.FailMode!.Value);
            var contact = new DoorContact(
                board.OpenInput(wiring.ContactPin, o.ContactBias, DoorsOptions.Key(id, nameof(DoorOptions.ContactBias)), time),
                o.ContactClosedLevel);
            var exit = new ExitButton(
                board.OpenInput(wiring.ExitButtonPin, o.ExitButtonBias, DoorsOptions.Key(id, nameof(DoorOptions.ExitButtonBias)), time),
                o.ExitButtonActiveLevel);
            doors.Add(new Door(id, o, doorLock, contact, exit, wiring, journal, time, loggers.CreateLogger($"Kiosk.Edge.Doors.Door.{id}")));
        }

        return new DoorRegistry(doors, options.DefaultId, state);
    }

    /// <summary>The lines a door configuration takes, with their keys.</summary>
    public static IEnumerable<PinClaim> Claims(DoorsOptions options)
    {
        foreach (var (id, o) in options.Cabins)
        {
            if (o.LockPin is { } lockPin)
            {
                yield return new PinClaim(DoorsOptions.Key(id, nameof(DoorOptions.LockPin)), lockPin);
            }

            if (o.ContactPin is { } contactPin)
            {
                yield return new PinClaim(DoorsOptions.Key(id, nameof(DoorOptions.ContactPin)), contactPin);
            }

            if (o.ExitButtonPin is { } exitPin)
            {
                yield return new PinClaim(DoorsOptions.Key(id, nameof(DoorOptions.ExitButtonPin)), exitPin);
            }
        }
    }
}
