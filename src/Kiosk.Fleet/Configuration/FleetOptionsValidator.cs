using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Configuration;

/// <summary>What the attributes on <see cref="FleetOptions"/> cannot say: the time zone must exist on this system.</summary>
internal sealed class FleetOptionsValidator : IValidateOptions<FleetOptions>
{
    public ValidateOptionsResult Validate(string? name, FleetOptions options) =>
        string.IsNullOrWhiteSpace(options.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _)
            ? ValidateOptionsResult.Fail($"Fleet:TimeZone: '{options.TimeZone}' is not a time zone this system knows (an IANA id such as Asia/Shanghai; Debian's tzdata package provides them)")
            : ValidateOptionsResult.Success;
}
