namespace Kiosk.Contract.Events;

/// <summary><c>power.trip</c>: A circuit was switched off by its protection.</summary>
/// <param name="Circuit">The circuit id.</param>
/// <param name="Watts">The draw that tripped it, W (one decimal).</param>
/// <param name="Limit">The circuit's limit, W.</param>
/// <param name="Reason">Extension: <c>overload</c>.</param>
public sealed record PowerTrip(
    string Circuit,
    double Watts,
    double Limit,
    string Reason) : KioskEventBody;
