using System.Text.Json.Serialization;
using Kiosk.Contract.Json;

namespace Kiosk.Contract.State;

/// <summary>
/// <c>state.occupancy</c>: one property per cabin id (<see cref="CabinOccupancy"/>), then <c>visitsToday</c> and
/// <c>holdersToday</c> in the same object (<see cref="OccupancyStateConverter"/> writes and reads that shape).
/// </summary>
/// <param name="Cabins">Cabin id → occupancy, in configuration order.</param>
/// <param name="VisitsToday">Entries today (local day of the kiosk).</param>
/// <param name="HoldersToday">Distinct pass holders today (counted by day-keyed hashes, never stored).</param>
[JsonConverter(typeof(OccupancyStateConverter))]
public sealed record OccupancyState(IReadOnlyDictionary<string, CabinOccupancy> Cabins, int VisitsToday, int HoldersToday);
