namespace Kiosk.Contract.Events;

/// <summary><c>power.shed</c>: Extension: a circuit was shed (switched off) to keep the kiosk total under its limit.</summary>
/// <param name="Circuit">The circuit shed.</param>
/// <param name="Watts">Its draw, W (one decimal).</param>
/// <param name="Total">The kiosk total, W (one decimal).</param>
/// <param name="Limit">The kiosk limit, W.</param>
/// <param name="Reason"><c>kiosk_limit</c>.</param>
public sealed record PowerShed(
    string Circuit,
    double Watts,
    double Total,
    double Limit,
    string Reason) : KioskEventBody;
