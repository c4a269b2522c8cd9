using System.Globalization;

namespace Kiosk.Edge.Climate;

/// <summary>
/// The kernel's thermal zone file (<c>/sys/class/thermal/thermal_zone0/temp</c> on a Raspberry Pi):
/// one integer in millidegrees Celsius (Documentation/driver-api/thermal/sysfs-api.rst). A missing or
/// unreadable file is no reading, not an error: containers and some boards have no thermal zone.
/// </summary>
internal sealed class ThermalZoneThermometer(string path) : CpuThermometer
{
    public override double? ReadCelsius()
    {
        if (path.Length == 0)
        {
            return null;
        }

        try
        {
            var text = File.ReadAllText(path).Trim();
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var millidegrees) ? millidegrees / 1000.0 : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
