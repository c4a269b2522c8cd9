using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Doors;

/// <summary>
/// Checks every cabin (attributes, with the cabin's key in each message), the default door
/// reference and the roles. GPIO lines are checked against the chip and each other by
/// <see cref="Hardware.PinRegistry"/>.
/// </summary>
internal sealed partial class DoorsOptionsValidator : IValidateOptions<DoorsOptions>
{
    private readonly DoorOptionsValidator _cabin = new();

    public ValidateOptionsResult Validate(string? name, DoorsOptions options)
    {
        var failures = new List<string>();
        if (options.Cabins.Count == 0)
        {
            failures.Add($"{DoorsOptions.Section}:Cabins must configure at least one cabin (e.g. {DoorsOptions.Key("rest", "LockPin")})");
        }

        foreach (var (id, cabin) in options.Cabins)
        {
            var prefix = $"{DoorsOptions.Section}:Cabins:{id}";
            if (!DoorId().IsMatch(id))
            {
                failures.Add($"{prefix}: the cabin id must match {DoorId()}");
            }

            if (cabin is null)
            {
                failures.Add($"{prefix} is empty");
                continue;
            }

            var result = _cabin.Validate(prefix, cabin);
            if (result.Failed)
            {
                // The generated validator writes "prefix.Member"; configuration keys are "prefix:Member".
                failures.AddRange(result.Failures.Select(f => f.Replace($"{prefix}.", $"{prefix}:", StringComparison.Ordinal)));
            }

            foreach (var role in cabin.AllowedRoles ?? [])
            {
                if (!DoorRoles.All.Contains(role))
                {
                    failures.Add($"{prefix}:AllowedRoles: '{role}' is not a role (worker, steward, maintenance, operator)");
                }
            }

            if (cabin.AllowedRoles is { Count: 0 })
            {
                failures.Add($"{prefix}:AllowedRoles is empty: no pass could open the door (omit it to allow all roles)");
            }
        }

        if (options.Default is { } defaultId)
        {
            if (options.Cabins.Count > 0 && options.CheckReference($"{DoorsOptions.Section}:Default", defaultId) is { } unknown)
            {
                failures.Add(unknown);
            }
        }
        else if (options.Cabins.Count > 1)
        {
            failures.Add($"{DoorsOptions.Section}:Default is required with more than one cabin: name the door for passes without a door claim");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$")]
    private static partial Regex DoorId();
}
