using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Intercom;

/// <summary>Cross-field checks of the intercom options; every message names the configuration key.</summary>
internal sealed class IntercomOptionsChecks : IValidateOptions<IntercomOptions>
{
    public ValidateOptionsResult Validate(string? name, IntercomOptions options)
    {
        var failures = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"Intercom:TimeZone '{options.TimeZone}' is not a known time zone id");
        }

        var pins = new Dictionary<int, string>();
        foreach (var (key, pin) in new[]
        {
            ("Intercom:CallButtonPin", options.CallButtonPin),
            ("Intercom:HelpLedPin", options.HelpLedPin),
            ("Intercom:AmpEnablePin", options.AmpEnablePin),
        })
        {
            if (pin is { } p && !pins.TryAdd(p, key))
            {
                failures.Add($"{key}: GPIO line {p} is already used by {pins[p]}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
