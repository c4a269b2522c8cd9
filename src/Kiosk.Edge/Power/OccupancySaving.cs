using Kiosk.Contract.Events;

namespace Kiosk.Edge.Power;

/// <summary>
/// Saving when empty: once the kiosk has been empty for <c>SavingAfter</c>, circuits that follow
/// occupancy go off (through <see cref="RelayPolicy"/>); an operator's "on" for them ends there. The
/// next person in ends saving. Each change is one <c>power.saving</c> event naming the followers.
/// </summary>
internal sealed class OccupancySaving(OccupancySignal occupancy, TimeSpan savingAfter)
{
    public bool Saving { get; private set; }

    /// <summary>Follows the occupancy signal; true when an operator's "on" was cleared (persist at once).</summary>
    public bool Follow(IEnumerable<Circuit> circuits, DateTimeOffset now, List<KioskEventBody> events)
    {
        var saving = occupancy.EmptySince is { } since && now - since >= savingAfter;
        if (saving == Saving)
        {
            return false;
        }

        Saving = saving;
        var followers = circuits.Where(c => c.Options.FollowsOccupancy).ToList();
        var cleared = false;
        if (saving)
        {
            // An operator's "on" holds while people are there; it ends when the kiosk empties.
            foreach (var c in followers.Where(c => c.Manual == true))
            {
                c.Manual = null;
                cleared = true;
            }
        }

        if (followers.Count > 0)
        {
            events.Add(new PowerSaving(saving, [.. followers.Select(c => c.Id)]));
        }

        return cleared;
    }
}
