using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Kiosk.Contract.Commands;
using Kiosk.Contract.Events;
using Kiosk.Contract.State;
using Kiosk.Contract.Status;
using Kiosk.Contract.Telemetry;

namespace Kiosk.Contract.Json;

/// <summary>
/// Source-generated JSON metadata for every contract type (no reflection: trim and Native AOT safe).
/// camelCase names unless a record says otherwise, nulls omitted unless a property says
/// <c>JsonIgnoreCondition.Never</c>, timestamps as <see cref="WireTimestamp"/>, and on reading, missing
/// required fields and nulls in non-nullable ones are errors.
/// To add an event type: its record in <c>Events/</c>, its name in <see cref="EventTypes"/>, and here a
/// <c>[JsonSerializable]</c> line plus a line in <see cref="EventRegistrations"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(WireTimestamp)])]
[JsonSerializable(typeof(SystemStarted))]
[JsonSerializable(typeof(EventsDropped))]
[JsonSerializable(typeof(DoorOpened))]
[JsonSerializable(typeof(DoorClosed))]
[JsonSerializable(typeof(DoorDenied))]
[JsonSerializable(typeof(DoorHeldOpen))]
[JsonSerializable(typeof(DoorForcedOpen))]
[JsonSerializable(typeof(DoorModeChanged))]
[JsonSerializable(typeof(StewardCheckin))]
[JsonSerializable(typeof(StewardCheckout))]
[JsonSerializable(typeof(PowerTrip))]
[JsonSerializable(typeof(PowerRestored))]
[JsonSerializable(typeof(PowerLockout))]
[JsonSerializable(typeof(PowerSensorFault))]
[JsonSerializable(typeof(PowerSensorRecovered))]
[JsonSerializable(typeof(PowerShed))]
[JsonSerializable(typeof(PowerSwitched))]
[JsonSerializable(typeof(PowerSaving))]
[JsonSerializable(typeof(OccupancyFull))]
[JsonSerializable(typeof(OccupancyWelfareCheck))]
[JsonSerializable(typeof(IntercomHelp))]
[JsonSerializable(typeof(IntercomHelpAck))]
[JsonSerializable(typeof(IntercomAnnounced))]
[JsonSerializable(typeof(IntercomAnnounceFailed))]
[JsonSerializable(typeof(DiagResult))]
[JsonSerializable(typeof(DiagActuated))]
[JsonSerializable(typeof(MaintenanceOn))]
[JsonSerializable(typeof(MaintenanceOff))]
[JsonSerializable(typeof(ClockBehind))]
[JsonSerializable(typeof(ClockAhead))]
[JsonSerializable(typeof(ClimateHeat))]
[JsonSerializable(typeof(ClimateCold))]
[JsonSerializable(typeof(ClimateCo2High))]
[JsonSerializable(typeof(ClimateAirconIneffective))]
[JsonSerializable(typeof(ClimateCleared))]
[JsonSerializable(typeof(ClimateSensorFault))]
[JsonSerializable(typeof(CommandRequest))]
[JsonSerializable(typeof(CommandReply))]
[JsonSerializable(typeof(UnlockArguments))]
[JsonSerializable(typeof(LockArguments))]
[JsonSerializable(typeof(ModeArguments))]
[JsonSerializable(typeof(PowerArguments))]
[JsonSerializable(typeof(AnnounceArguments))]
[JsonSerializable(typeof(DiagArguments))]
[JsonSerializable(typeof(RevokeArguments))]
[JsonSerializable(typeof(UnlockResult))]
[JsonSerializable(typeof(LockResult))]
[JsonSerializable(typeof(ModeResult))]
[JsonSerializable(typeof(PowerResult))]
[JsonSerializable(typeof(AnnounceResult))]
[JsonSerializable(typeof(AckHelpResult))]
[JsonSerializable(typeof(DiagReport))]
[JsonSerializable(typeof(RevokeResult))]
[JsonSerializable(typeof(KioskState))]
[JsonSerializable(typeof(Dictionary<string, CircuitState>))]
[JsonSerializable(typeof(Dictionary<string, DoorState>))]
[JsonSerializable(typeof(HealthState))]
[JsonSerializable(typeof(IntercomState))]
[JsonSerializable(typeof(LinkState))]
[JsonSerializable(typeof(MaintenanceState))]
[JsonSerializable(typeof(OccupancyState))]
[JsonSerializable(typeof(ClimateState))]
[JsonSerializable(typeof(CabinOccupancy))]
[JsonSerializable(typeof(StatusMessage))]
[JsonSerializable(typeof(TelemetryMessage))]
public sealed partial class ContractJsonContext : JsonSerializerContext
{
    /// <summary>Every event record with its type name; <see cref="EventCatalog"/> is built from this list.</summary>
    public static IEnumerable<(string TypeName, JsonTypeInfo Info)> EventRegistrations()
    {
        var c = Default;
        yield return (EventTypes.SystemStarted, c.SystemStarted);
        yield return (EventTypes.EventsDropped, c.EventsDropped);
        yield return (EventTypes.DoorOpened, c.DoorOpened);
        yield return (EventTypes.DoorClosed, c.DoorClosed);
        yield return (EventTypes.DoorDenied, c.DoorDenied);
        yield return (EventTypes.DoorHeldOpen, c.DoorHeldOpen);
        yield return (EventTypes.DoorForcedOpen, c.DoorForcedOpen);
        yield return (EventTypes.DoorMode, c.DoorModeChanged);
        yield return (EventTypes.StewardCheckin, c.StewardCheckin);
        yield return (EventTypes.StewardCheckout, c.StewardCheckout);
        yield return (EventTypes.PowerTrip, c.PowerTrip);
        yield return (EventTypes.PowerRestored, c.PowerRestored);
        yield return (EventTypes.PowerLockout, c.PowerLockout);
        yield return (EventTypes.PowerSensorFault, c.PowerSensorFault);
        yield return (EventTypes.PowerSensorRecovered, c.PowerSensorRecovered);
        yield return (EventTypes.PowerShed, c.PowerShed);
        yield return (EventTypes.PowerSwitched, c.PowerSwitched);
        yield return (EventTypes.PowerSaving, c.PowerSaving);
        yield return (EventTypes.OccupancyFull, c.OccupancyFull);
        yield return (EventTypes.OccupancyWelfareCheck, c.OccupancyWelfareCheck);
        yield return (EventTypes.IntercomHelp, c.IntercomHelp);
        yield return (EventTypes.IntercomHelpAck, c.IntercomHelpAck);
        yield return (EventTypes.IntercomAnnounced, c.IntercomAnnounced);
        yield return (EventTypes.IntercomAnnounceFailed, c.IntercomAnnounceFailed);
        yield return (EventTypes.DiagResult, c.DiagResult);
        yield return (EventTypes.DiagActuated, c.DiagActuated);
        yield return (EventTypes.MaintenanceOn, c.MaintenanceOn);
        yield return (EventTypes.MaintenanceOff, c.MaintenanceOff);
        yield return (EventTypes.ClockBehind, c.ClockBehind);
        yield return (EventTypes.ClockAhead, c.ClockAhead);
        yield return (EventTypes.ClimateHeat, c.ClimateHeat);
        yield return (EventTypes.ClimateCold, c.ClimateCold);
        yield return (EventTypes.ClimateCo2High, c.ClimateCo2High);
        yield return (EventTypes.ClimateAirconIneffective, c.ClimateAirconIneffective);
        yield return (EventTypes.ClimateCleared, c.ClimateCleared);
        yield return (EventTypes.ClimateSensorFault, c.ClimateSensorFault);
    }
}
