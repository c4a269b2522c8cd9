using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Occupancy;

/// <summary>Per-cabin and cross-field checks; every message names the configuration key.</summary>
internal sealed partial class OccupancyCabinsValidator : IValidateOptions<OccupancyOptions>
{
    public ValidateOptionsResult Validate(string? name, OccupancyOptions options)
    {
        var failures = new List<string>();
        if (!TryFindTimeZone(options.TimeZone, out _))
        {
            failures.Add($"Occupancy:TimeZone '{options.TimeZone}' is not a known time zone id");
        }

        var pins = new Dictionary<int, string>();
        var doors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, cabin) in options.Cabins)
        {
            var key = $"Occupancy:Cabins:{id}";
            if (!CabinId().IsMatch(id))
            {
                failures.Add($"{key}: cabin id must match ^[a-z0-9][a-z0-9_-]{{0,31}}$");
            }

            if (cabin.Capacity is < 1 || cabin.Capacity > options.MaxCount)
            {
                failures.Add($"{key}:Capacity must be between 1 and Occupancy:MaxCount ({options.MaxCount})");
            }

            if (cabin.BeamAPin.HasValue != cabin.BeamBPin.HasValue)
            {
                failures.Add($"{key}:BeamAPin and {key}:BeamBPin must be set together");
            }

            CheckPin(failures, pins, $"{key}:BeamAPin", cabin.BeamAPin);
            CheckPin(failures, pins, $"{key}:BeamBPin", cabin.BeamBPin);
            CheckPin(failures, pins, $"{key}:PresencePin", cabin.PresencePin);
            foreach (var door in cabin.Doors.Count == 0 ? [id] : cabin.Doors)
            {
                if (!doors.TryAdd(door, id))
                {
                    failures.Add($"{key}:Doors: door '{door}' already leads into cabin '{doors[door]}'");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool TryFindTimeZone(string id, out TimeZoneInfo zone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);

    private static void CheckPin(List<string> failures, Dictionary<int, string> used, string key, int? pin)
    {
        if (pin is not { } p)
        {
            return;
        }

        if (p is < 0 or > 63)
        {
            failures.Add($"{key} must be a GPIO line between 0 and 63");
        }
        else if (!used.TryAdd(p, key))
        {
            failures.Add($"{key}: GPIO line {p} is already used by {used[p]}");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$")]
    private static partial Regex CabinId();
}
