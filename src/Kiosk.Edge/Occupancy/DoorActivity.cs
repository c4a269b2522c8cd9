using Kiosk.Contract.Events;
using Kiosk.Contract.Vocabulary;

namespace Kiosk.Edge.Occupancy;

/// <summary>
/// What a recorded door event means for occupancy: any <c>door.opened</c> or <c>door.closed</c> is
/// activity in the cabin; an opening by pass, remote or manual release lets someone in
/// (<see cref="Entry"/>, with the pass holder's pseudonymous <see cref="Sub"/> when known); one by
/// the exit button lets someone out (<see cref="Exit"/>).
/// </summary>
internal readonly record struct DoorActivity(string Door, bool Entry, bool Exit, string? Sub)
{
    /// <summary>The activity of an event body; null for any event that is not a door opening or closing.</summary>
    public static DoorActivity? From(KioskEventBody? body) => body switch
    {
        DoorOpened o => new DoorActivity(o.Door, o.Via is Vias.Scan or Vias.Remote or Vias.Manual, o.Via == Vias.Exit, o.Sub),
        DoorClosed c => new DoorActivity(c.Door, Entry: false, Exit: false, Sub: null),
        _ => null,
    };
}
