using Kiosk.Edge.Doors;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Occupancy;

/// <summary>
/// Every door cabin is an occupancy cabin, and its capacity is the one the doors configuration
/// (and the birth message) states, unless <c>Occupancy:Cabins:{id}:Capacity</c> overrides it:
/// one number per cabin, not two that drift apart.
/// </summary>
internal sealed class CabinsFromDoors(IOptions<DoorsOptions> doors) : IPostConfigureOptions<OccupancyOptions>
{
    public void PostConfigure(string? name, OccupancyOptions options)
    {
        // A cabin without Doors has one door with its own id, but that id is a key of options.Cabins
        // and found below before this set is asked: only the listed doors matter here.
        var mapped = options.Cabins
            .SelectMany(c => c.Value.Doors)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (id, door) in doors.Value.Cabins)
        {
            if (!options.Cabins.TryGetValue(id, out var cabin))
            {
                if (mapped.Contains(id))
                {
                    // The door leads into a cabin configured under another id.
                    continue;
                }

                cabin = new CabinOptions();
                options.Cabins[id] = cabin;
            }

            cabin.Capacity ??= door.Capacity;
        }

        foreach (var cabin in options.Cabins.Values)
        {
            cabin.Capacity ??= CabinOptions.DefaultCapacity;
        }
    }
}
