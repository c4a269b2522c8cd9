using System.Text.RegularExpressions;

namespace Kiosk.Fleet;

/// <summary>Kiosk ids as contract section 1 defines them: <c>^[a-z0-9][a-z0-9-]{2,63}$</c>.</summary>
internal static partial class KioskIds
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
