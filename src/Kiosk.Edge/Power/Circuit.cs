namespace Kiosk.Edge.Power;

/// <summary>One circuit's hardware and protection state. Owned by <see cref="PowerGuard"/>, touched under its lock only.</summary>
internal sealed class Circuit(string id, CircuitOptions options, CircuitRelay relay, string meterName, PowerMeter meter, MeterOptions meterOptions)
{
    public string Id { get; } = id;

    public CircuitOptions Options { get; } = options;

    public CircuitRelay Relay { get; } = relay;

    public string MeterName { get; } = meterName;

    public PowerMeter Meter { get; } = meter;

    public MeterOptions MeterOptions { get; } = meterOptions;

    public double Watts { get; set; }

    public double WattHours { get; set; }

    /// <summary>The meter's own energy counter at the last reading, for meters that count (S0).</summary>
    public double? LastCounter { get; set; }

    /// <summary>Fraction of the trip time used up by the current overload (trips at 1).</summary>
    public double TripProgress { get; set; }

    public bool Tripped { get; set; }

    public DateTimeOffset TrippedAt { get; set; }

    public Queue<DateTimeOffset> RecentTrips { get; } = new();

    public bool LockedOut { get; set; }

    public bool Shed { get; set; }

    /// <summary>What the circuit drew when shed: the headroom it needs to come back.</summary>
    public double ShedWatts { get; set; }

    public MeterFault? Fault { get; set; }

    public double? RepeatedValue { get; set; }

    public DateTimeOffset RepeatedSince { get; set; }

    /// <summary>An operator's decision (power on/off); null leaves the circuit to NormallyOn and saving.</summary>
    public bool? Manual { get; set; }

    /// <summary>An operator's reset: clears trip, lockout, trip history and sensor fault (re-tested from the next sample with the circuit fed).</summary>
    public void ResetProtection()
    {
        Tripped = false;
        LockedOut = false;
        Fault = null;
        RepeatedValue = null;
        RecentTrips.Clear();
        TripProgress = 0;
    }
}
