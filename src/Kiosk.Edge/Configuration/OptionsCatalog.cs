using Kiosk.Edge.Climate;
using Kiosk.Edge.Control;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Hardware.Scanner;
using Kiosk.Edge.Health;
using Kiosk.Edge.Intercom;
using Kiosk.Edge.Messaging;
using Kiosk.Edge.Occupancy;
using Kiosk.Edge.Power;
using Kiosk.Edge.Security;
using Kiosk.Edge.TrustedTime;

namespace Kiosk.Edge.Configuration;

/// <summary>
/// Every top-level configuration section and the options type bound to it, in the order the
/// configuration reference (docs/configuration.md, generated and checked by a test) lists them.
/// The configuration check uses it to turn "The KioskOptions.Station.Code field" into "Kiosk:Station:Code".
/// </summary>
public static class OptionsCatalog
{
    public static IReadOnlyList<(string Section, Type Type)> Sections { get; } =
    [
        (KioskOptions.Section, typeof(KioskOptions)),
        (BoardOptions.Section, typeof(BoardOptions)),
        (DoorsOptions.Section, typeof(DoorsOptions)),
        (SecurityOptions.Section, typeof(SecurityOptions)),
        (MqttOptions.Section, typeof(MqttOptions)),
        (ScannerOptions.Section, typeof(ScannerOptions)),
        (PowerOptions.Section, typeof(PowerOptions)),
        (OccupancyOptions.Section, typeof(OccupancyOptions)),
        (IntercomOptions.Section, typeof(IntercomOptions)),
        (ClimateOptions.Section, typeof(ClimateOptions)),
        (ClockOptions.Section, typeof(ClockOptions)),
        (EventJournalOptions.Section, typeof(EventJournalOptions)),
        (HealthOptions.Section, typeof(HealthOptions)),
        (DiagnosticsOptions.Section, typeof(DiagnosticsOptions)),
        (MaintenanceOptions.Section, typeof(MaintenanceOptions)),
        (ControlOptions.Section, typeof(ControlOptions)),
    ];

    /// <summary>"KioskOptions.Station.Code" → "Kiosk:Station:Code"; null for a name that is not an options path.</summary>
    public static string? KeyOf(string dottedPath)
    {
        var dot = dottedPath.IndexOf('.', StringComparison.Ordinal);
        var typeName = dot < 0 ? dottedPath : dottedPath[..dot];
        foreach (var (section, type) in Sections)
        {
            if (type.Name == typeName)
            {
                return dot < 0 ? section : section + ":" + dottedPath[(dot + 1)..].Replace('.', ':');
            }
        }

        return null;
    }
}
