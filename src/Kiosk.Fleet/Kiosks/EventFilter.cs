namespace Kiosk.Fleet.Kiosks;

/// <summary>
/// Which stored events of one kiosk to list: [<see cref="Since"/>, <see cref="Until"/>) (UTC; null = open),
/// one event <see cref="Type"/> (e.g. <c>door.opened</c>), one <see cref="Door"/> (a cabin id), at most <see cref="Limit"/> (1 to 1000).
/// </summary>
internal sealed record EventFilter(DateTime? Since = null, DateTime? Until = null, string? Type = null, string? Door = null, int Limit = 100)
{
    public const int MaxLimit = 1000;
}
