namespace Kiosk.Contract.Events;

/// <summary>
/// Every event type name (the <c>type</c> of an event, contract section 3). v1 names first, then the
/// additive extensions (CHANGELOG.md). A consumer keeps unknown names (see <see cref="KioskEventMessage"/>).
/// </summary>
public static class EventTypes
{
    /// <summary>The service started (<see cref="SystemStarted"/>).</summary>
    public const string SystemStarted = "system.started";

    /// <summary>A door was released (<see cref="DoorOpened"/>).</summary>
    public const string DoorOpened = "door.opened";

    /// <summary>A door's contact closed (<see cref="DoorClosed"/>).</summary>
    public const string DoorClosed = "door.closed";

    /// <summary>A pass or unlock was refused (<see cref="DoorDenied"/>).</summary>
    public const string DoorDenied = "door.denied";

    /// <summary>A door stayed open past its alarm time (<see cref="DoorHeldOpen"/>).</summary>
    public const string DoorHeldOpen = "door.held_open";

    /// <summary>A door opened while locked (<see cref="DoorForcedOpen"/>).</summary>
    public const string DoorForcedOpen = "door.forced_open";

    /// <summary>A door's mode changed (<see cref="DoorModeChanged"/>).</summary>
    public const string DoorMode = "door.mode";

    /// <summary>A steward checked in (<see cref="StewardCheckin"/>).</summary>
    public const string StewardCheckin = "steward.checkin";

    /// <summary>A steward checked out (<see cref="StewardCheckout"/>).</summary>
    public const string StewardCheckout = "steward.checkout";

    /// <summary>A circuit tripped (<see cref="PowerTrip"/>).</summary>
    public const string PowerTrip = "power.trip";

    /// <summary>A circuit is back on (<see cref="PowerRestored"/>).</summary>
    public const string PowerRestored = "power.restored";

    /// <summary>A circuit tripped too often and stays off until reset (<see cref="PowerLockout"/>).</summary>
    public const string PowerLockout = "power.lockout";

    /// <summary>A circuit's meter failed (<see cref="PowerSensorFault"/>).</summary>
    public const string PowerSensorFault = "power.sensor_fault";

    /// <summary>A cabin reached its capacity (<see cref="OccupancyFull"/>).</summary>
    public const string OccupancyFull = "occupancy.full";

    /// <summary>An occupied cabin showed no activity for a long time (<see cref="OccupancyWelfareCheck"/>).</summary>
    public const string OccupancyWelfareCheck = "occupancy.welfare_check";

    /// <summary>The call button asked for help (<see cref="IntercomHelp"/>).</summary>
    public const string IntercomHelp = "intercom.help";

    /// <summary>An announcement played (<see cref="IntercomAnnounced"/>).</summary>
    public const string IntercomAnnounced = "intercom.announced";

    /// <summary>A diagnostics run finished (<see cref="DiagResult"/>).</summary>
    public const string DiagResult = "diag.result";

    /// <summary>Extension: maintenance mode began (<see cref="MaintenanceOn"/>).</summary>
    public const string MaintenanceOn = "maintenance.on";

    /// <summary>Extension: maintenance mode ended (<see cref="MaintenanceOff"/>).</summary>
    public const string MaintenanceOff = "maintenance.off";

    /// <summary>Extension: the offline bound dropped events (<see cref="EventsDropped"/>).</summary>
    public const string EventsDropped = "events.dropped";

    /// <summary>Extension: a circuit was shed to keep the kiosk under its limit (<see cref="PowerShed"/>).</summary>
    public const string PowerShed = "power.shed";

    /// <summary>Extension: a circuit's meter answers again (<see cref="PowerSensorRecovered"/>).</summary>
    public const string PowerSensorRecovered = "power.sensor_recovered";

    /// <summary>Extension: a circuit was switched by hand or command (<see cref="PowerSwitched"/>).</summary>
    public const string PowerSwitched = "power.switched";

    /// <summary>Extension: energy saving began or ended (<see cref="PowerSaving"/>).</summary>
    public const string PowerSaving = "power.saving";

    /// <summary>Extension: an operator acknowledged a help call (<see cref="IntercomHelpAck"/>).</summary>
    public const string IntercomHelpAck = "intercom.help_ack";

    /// <summary>Extension: an announcement could not be played (<see cref="IntercomAnnounceFailed"/>).</summary>
    public const string IntercomAnnounceFailed = "intercom.announce_failed";

    /// <summary>Extension: a maintenance actuator test ran (<see cref="DiagActuated"/>).</summary>
    public const string DiagActuated = "diag.actuated";

    /// <summary>The system clock is behind the trusted time (extension; <see cref="ClockBehind"/>).</summary>
    public const string ClockBehind = "clock.behind";

    /// <summary>The system clock seems to run ahead (extension; <see cref="ClockAhead"/>).</summary>
    public const string ClockAhead = "clock.ahead";

    /// <summary>Extension: a cabin is too hot with people inside (<see cref="ClimateHeat"/>).</summary>
    public const string ClimateHeat = "climate.heat";

    /// <summary>Extension: a cabin is too cold (<see cref="ClimateCold"/>).</summary>
    public const string ClimateCold = "climate.cold";

    /// <summary>Extension: a cabin's CO2 is too high (<see cref="ClimateCo2High"/>).</summary>
    public const string ClimateCo2High = "climate.co2_high";

    /// <summary>Extension: the air conditioner runs without cooling (<see cref="ClimateAirconIneffective"/>).</summary>
    public const string ClimateAirconIneffective = "climate.aircon_ineffective";

    /// <summary>Extension: a climate alarm ended (<see cref="ClimateCleared"/>).</summary>
    public const string ClimateCleared = "climate.cleared";

    /// <summary>Extension: a cabin air sensor gives no usable reading (<see cref="ClimateSensorFault"/>).</summary>
    public const string ClimateSensorFault = "climate.sensor_fault";
}
