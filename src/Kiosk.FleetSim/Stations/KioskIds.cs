using System.Text.RegularExpressions;

namespace Kiosk.FleetSim.Stations;

/// <summary>Kiosk ids (contract section 1): <c>^[a-z0-9][a-z0-9-]{2,63}$</c>.</summary>
internal static partial class KioskIds
{
    /// <summary>A prefix that, with <c>-</c> and a number of up to 8 digits, stays a valid id.</summary>
    public static bool IsValidPrefix(string prefix) => prefix.Length <= 50 && Prefix().IsMatch(prefix);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex Prefix();
}
