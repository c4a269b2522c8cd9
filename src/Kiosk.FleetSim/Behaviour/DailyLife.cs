using Kiosk.Contract.Events;
using Kiosk.Contract.Vocabulary;
using Kiosk.FleetSim.Stations;

namespace Kiosk.FleetSim.Behaviour;

/// <summary>
/// What people do at a station, one decision per call, all drawn from the kiosk's seeded random: a worker scans
/// in (or is refused: full, out of service), stays 10-45 min in the rest cabin or 5-20 min in the living cabin,
/// boils water, heats lunch (which may trip the microwave circuit), charges a phone, and leaves through the exit
/// button; the steward checks in and out.
/// </summary>
internal static class DailyLife
{
    public static void Arrive(KioskModel k, BehaviourOptions options)
    {
        var door = k.Random.NextDouble() < 0.7 ? k.Doors[0] : k.Doors[^1];
        var sub = k.Worker();
        var people = k.Occupants[door.Id];
        if (door.Mode == DoorModes.OutOfService)
        {
            k.Events.Append(new DoorDenied(DenyReasons.OutOfService, Vias.Scan, door.Id, sub), k.Now);
            return;
        }

        if (people.Count >= door.Capacity)
        {
            k.Events.Append(new DoorDenied(DenyReasons.Full, Vias.Scan, door.Id, sub), k.Now);
            return;
        }

        var openFor = k.Random.NextDouble() < options.HeldOpenChance
            ? TimeSpan.FromSeconds(90 + k.Random.Next(180))
            : TimeSpan.FromSeconds(4 + k.Random.Next(8));
        door.PassThrough(k.Now, openFor, k.Events, new DoorOpened(door.Id, Vias.Scan, sub, Roles.Worker));
        var stay = door == k.Doors[0] ? TimeSpan.FromMinutes(10 + k.Random.Next(36)) : TimeSpan.FromMinutes(5 + k.Random.Next(16));
        people.Add(k.Now + stay);
        k.VisitsToday++;
        k.HoldersToday.Add(sub);
        if (people.Count == door.Capacity)
        {
            k.Events.Append(new OccupancyFull(door.Id, people.Count, door.Capacity), k.Now);
        }

        UseAppliances(k, options, door == k.Doors[0], stay);
        k.StateDirty = true;
    }

    /// <summary>Everyone whose stay is over leaves through the exit button; true when someone did.</summary>
    public static bool Depart(KioskModel k)
    {
        var any = false;
        foreach (var door in k.Doors)
        {
            var people = k.Occupants[door.Id];
            for (var i = people.Count - 1; i >= 0; i--)
            {
                if (people[i] <= k.Now)
                {
                    people.RemoveAt(i);
                    door.PassThrough(k.Now, TimeSpan.FromSeconds(3 + k.Random.Next(5)), k.Events, new DoorOpened(door.Id, Vias.Exit));
                    any = true;
                }
            }
        }

        return any;
    }

    public static void Steward(KioskModel k, string act)
    {
        var door = k.Doors[0];
        var sub = k.StewardSub;
        door.PassThrough(k.Now, TimeSpan.FromSeconds(6), k.Events, new DoorOpened(door.Id, Vias.Scan, sub, Roles.Steward));
        k.Events.Append(act == "checkin" ? new StewardCheckin(sub, door.Id, Vias.Scan) : new StewardCheckout(sub, door.Id, Vias.Scan), k.Now);
        k.StateDirty = true;
    }

    private static void UseAppliances(KioskModel k, BehaviourOptions options, bool restCabin, TimeSpan stay)
    {
        if (k.Random.NextDouble() < 0.6)
        {
            k.Circuit(SimDoors.Outlet)!.AddLoad(10 + k.Random.Next(15), k.Now + stay);
        }

        if (restCabin)
        {
            return;
        }

        if (k.Random.NextDouble() < 0.5)
        {
            k.Circuit(SimDoors.Heater)!.AddLoad(1950 + k.Random.Next(100), k.Now + TimeSpan.FromMinutes(3));
        }

        var microwave = k.Circuit(SimDoors.Microwave)!;
        if (microwave.On && k.Random.NextDouble() < 0.3)
        {
            if (k.Random.NextDouble() < options.TripChance)
            {
                var watts = 1550 + k.Random.Next(300);
                microwave.Trip(k.Now + TimeSpan.FromSeconds(60));
                k.Events.Append(new PowerTrip(microwave.Id, watts, microwave.Limit, "overload"), k.Now);
            }
            else
            {
                microwave.AddLoad(1100 + k.Random.Next(150), k.Now + TimeSpan.FromMinutes(2));
            }
        }
    }
}
