using Kiosk.Contract.Events;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Power;

/// <summary>
/// A circuit's sensor fault episodes: the first faulty sample raises <c>power.sensor_fault</c> and
/// zeroes what the meter no longer proves (power, trip progress, the counter baseline); the first good
/// sample after raises <c>power.sensor_recovered</c>, and <c>power.restored</c> when the fault had cut
/// a circuit that wants to be on.
/// </summary>
internal sealed partial class SensorHealth(ILogger logger)
{
    /// <summary>Records a faulty sample.</summary>
    public void Fault(Circuit c, MeterFault fault, List<KioskEventBody> events)
    {
        if (c.Fault is null)
        {
            LogSensorFault(c.Id, c.MeterName, fault.ToContract());
            events.Add(new PowerSensorFault(c.Id, c.MeterName, fault.ToContract(), c.Options.SafeState == SafeState.On ? "on" : "off"));
        }

        c.Fault = fault;
        c.Watts = 0;
        c.TripProgress = 0;
        c.LastCounter = null;
    }

    /// <summary>Records a plausible sample; ends a fault episode if one was open.</summary>
    /// <param name="saving">Whether the kiosk is saving (decides if the circuit wants to be on).</param>
    public void Good(Circuit c, bool saving, List<KioskEventBody> events)
    {
        if (c.Fault is null)
        {
            return;
        }

        c.Fault = null;
        LogSensorRecovered(c.Id, c.MeterName);
        events.Add(new PowerSensorRecovered(c.Id, c.MeterName));
        if (c.Options.SafeState == SafeState.Off && RelayPolicy.WantsOn(c, saving))
        {
            events.Add(new PowerRestored(c.Id, "sensor_recovered"));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sensor fault on circuit {Circuit} (meter {Meter}): {Fault}; circuit goes to its safe state")]
    private partial void LogSensorFault(string circuit, string meter, string fault);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meter {Meter} of circuit {Circuit} reads plausibly again")]
    private partial void LogSensorRecovered(string circuit, string meter);
}
