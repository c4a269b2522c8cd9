using System.Globalization;

namespace Kiosk.Edge.Power;

/// <summary>What <see cref="EnergyStore"/> keeps of one circuit.</summary>
internal sealed record CircuitRecord(string Id, double WattHours, bool? Manual, bool LockedOut)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id}: {WattHours:0.0} Wh");
}
