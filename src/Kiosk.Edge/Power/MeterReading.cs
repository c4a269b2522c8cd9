namespace Kiosk.Edge.Power;

/// <summary>
/// A meter's answer: the power drawn now, and for meters that count energy themselves (S0) the
/// running total since the meter object was created; null where the guard integrates power instead.
/// </summary>
internal readonly record struct MeterReading(double Watts, double? WattHours = null);
