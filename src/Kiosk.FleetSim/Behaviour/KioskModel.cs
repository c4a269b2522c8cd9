using System.Globalization;
using Kiosk.Contract.Events;
using Kiosk.Contract.State;
using Kiosk.Contract.Telemetry;
using Kiosk.Contract.Vocabulary;
using Kiosk.FleetSim.Stations;

namespace Kiosk.FleetSim.Behaviour;

/// <summary>
/// One simulated kiosk as a pure step function over virtual time: from its seed and start time, each
/// <see cref="BehaviourOptions.Step"/> draws visits (peaking 06:00 and 12:00 local), departures, appliance use,
/// the steward's check-in/out, rare alarms and link drops, and appends the events a kiosk would. No clock, no
/// I/O: the same seed and start give the same events byte for byte. Commands change it through
/// <see cref="KioskActions"/>; callers serialise access (one lock per kiosk).
/// </summary>
internal sealed class KioskModel
{
    private readonly Random _random;
    private readonly BehaviourOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly TelemetrySampler _telemetry;
    private readonly StewardRoster _steward;
    private readonly Queue<TelemetryMessage> _telemetryOut = new();
    private readonly HashSet<string> _holdersToday = new(StringComparer.Ordinal);
    private DateOnly _today;

    public KioskModel(SimStation station, int seed, DateTimeOffset start, BehaviourOptions options, string version)
    {
        Station = station;
        _options = options;
        _random = new Random(DeterministicHash.Of(seed, station.KioskId));
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _telemetry = new TelemetrySampler(options.TelemetryPeriod, options.TelemetryFullEvery);
        _steward = new StewardRoster(_random);
        Epoch = Convert.ToHexStringLower(RandomBytes(16));
        Events = new EventLog(_random, Epoch, options.MaxPendingEvents) { Recorded = options.RecordEvents ? [] : null };
        Doors = station.Station.Cabins.Select(c => new SimDoor(c.Id, c.Capacity ?? 1, options)).ToList();
        Occupants = Doors.ToDictionary(d => d.Id, _ => new List<DateTimeOffset>(), StringComparer.Ordinal);
        Circuits =
        [
            new SimCircuit(SimDoors.Heater, 2200) { BaseWatts = 40 },
            new SimCircuit(SimDoors.Microwave, 1500) { BaseWatts = 2 },
            new SimCircuit(SimDoors.Aircon, 1300),
            new SimCircuit(SimDoors.Outlet, 500),
        ];
        Now = start;
        _today = LocalDay(start);
        Events.Append(new SystemStarted(version, Boot), start);
        StateDirty = true;
    }

    public SimStation Station { get; }

    public string Id => Station.KioskId;

    /// <summary>Service starts: one per simulated process lifetime.</summary>
    public long Boot { get; } = 1;

    /// <summary>The installation epoch, 32 hex digits, from the seed.</summary>
    public string Epoch { get; }

    public EventLog Events { get; }

    public DateTimeOffset Now { get; private set; }

    public List<SimDoor> Doors { get; }

    public Dictionary<string, List<DateTimeOffset>> Occupants { get; }

    public List<SimCircuit> Circuits { get; }

    public HelpCall Help { get; } = new();

    public int VisitsToday { get; set; }

    /// <summary>The retained state changed since it was last taken.</summary>
    public bool StateDirty { get; set; }

    /// <summary>A link drop the model decided: the link stays down until then (virtual time).</summary>
    public DateTimeOffset? LinkDownUntil { get; set; }

    /// <summary>The holders seen today (pseudonymous subs; only counted in the state).</summary>
    public ISet<string> HoldersToday => _holdersToday;

    public Random Random => _random;

    /// <summary>Runs whole steps up to <paramref name="until"/>.</summary>
    public void AdvanceTo(DateTimeOffset until)
    {
        while (Now + _options.Step <= until)
        {
            Now += _options.Step;
            StepOnce();
        }
    }

    /// <summary>Someone inside presses the exit button of <paramref name="door"/>: released, opened, closed again.</summary>
    /// <exception cref="ArgumentException">No such door.</exception>
    public void PressExit(string door)
    {
        var d = Door(door) ?? throw new ArgumentException($"no door '{door}'", nameof(door));
        d.PassThrough(Now, TimeSpan.FromSeconds(5), Events, new DoorOpened(d.Id, Vias.Exit));
        StateDirty = true;
    }

    public bool TryTakeTelemetry(out TelemetryMessage message) => _telemetryOut.TryDequeue(out message!);

    public DateTime Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, _zone).DateTime;

    public SimDoor? Door(string? id) => id is null ? Doors[0] : Doors.Find(d => d.Id == id);

    public SimCircuit? Circuit(string id) => Circuits.Find(c => c.Id == id);

    /// <summary>The retained state (contract section 3) at <see cref="Now"/>, with the link section the MQTT layer knows.</summary>
    public KioskState Snapshot(LinkState? link) => new()
    {
        Circuits = Circuits.ToDictionary(c => c.Id, c => c.State, StringComparer.Ordinal),
        Doors = Doors.ToDictionary(d => d.Id, d => d.State, StringComparer.Ordinal),
        Intercom = new IntercomState(new HelpState(Help.Pending, Help.Pending ? Help.Since : null), null, 0, false),
        Link = link,
        Occupancy = new OccupancyState(
            Doors.ToDictionary(d => d.Id, d => new CabinOccupancy(Occupants[d.Id].Count, d.Capacity, Occupants[d.Id].Count >= d.Capacity, null, null), StringComparer.Ordinal),
            VisitsToday,
            _holdersToday.Count),
        Ts = Now,
    };

    public byte[] RandomBytes(int count)
    {
        var b = new byte[count];
        _random.NextBytes(b);
        return b;
    }

    /// <summary>A pseudonymous holder id of this station's regulars (never a name or phone number).</summary>
    public string Worker() => "w-" + DeterministicHash.Of(_random.Next(150), Id).ToString("x8", CultureInfo.InvariantCulture);

    public string StewardSub => "st-" + DeterministicHash.Of(0, Id).ToString("x8", CultureInfo.InvariantCulture);

    private void StepOnce()
    {
        var day = LocalDay(Now);
        if (day != _today)
        {
            _today = day;
            VisitsToday = 0;
            _holdersToday.Clear();
            StateDirty = true;
        }

        var hours = _options.Step.TotalHours;
        var local = Local(Now);
        if (Chance(VisitProfile.RatePerHour(local.TimeOfDay.TotalHours, _options.VisitsPerDay) * hours))
        {
            DailyLife.Arrive(this, _options);
        }

        StateDirty |= DailyLife.Depart(this);
        if (_steward.Due(local) is { } act)
        {
            DailyLife.Steward(this, act);
        }

        if (Chance(_options.ForcedOpensPerDay * hours / 24))
        {
            Doors[_random.Next(Doors.Count)].Force(Now, TimeSpan.FromSeconds(20 + _random.Next(40)), Events);
            StateDirty = true;
        }

        if (!Help.Pending && Chance(_options.HelpCallsPerDay * hours / 24))
        {
            Help.Call(Now);
            Events.Append(new IntercomHelp(false, 1, Doors[0].Id), Now);
            StateDirty = true;
        }
        else if (Help.Pending && Now - Help.Since >= TimeSpan.FromMinutes(15))
        {
            // The steward (or a passer-by) answered on site.
            Events.Append(new IntercomHelpAck(Vias.Manual, Help.Clear(Now), Doors[0].Id), Now);
            StateDirty = true;
        }

        // Drawn every step whatever the link did, so the stream never depends on when the MQTT layer took the drop.
        if (Chance(_options.LinkDropsPerDay * hours / 24))
        {
            var until = Now + TimeSpan.FromSeconds(30 + _random.Next(570));
            if (LinkDownUntil is null || LinkDownUntil <= Now)
            {
                LinkDownUntil = until;
            }
        }

        foreach (var door in Doors)
        {
            StateDirty |= door.Step(Now, Events);
        }

        StepPower();
        if (_telemetry.Sample(Now, TelemetryValues()) is { } telemetry)
        {
            _telemetryOut.Enqueue(telemetry);
            while (_telemetryOut.Count > 100)
            {
                _telemetryOut.Dequeue();
            }
        }
    }

    private void StepPower()
    {
        var occupied = Occupants.Values.Sum(o => o.Count);
        var aircon = Circuit(SimDoors.Aircon)!;
        aircon.BaseWatts = occupied > 0 ? 780 : 4;
        var outlet = Circuit(SimDoors.Outlet)!;
        outlet.BaseWatts = 2 + (occupied * 9);
        foreach (var circuit in Circuits)
        {
            StateDirty |= circuit.Step(Now, _options.Step);
            if (circuit.Tripped && Now >= circuit.RestoreAt)
            {
                circuit.Restore();
                Events.Append(new PowerRestored(circuit.Id, "cooldown"), Now);
                StateDirty = true;
            }
        }
    }

    private List<KeyValuePair<string, double>> TelemetryValues()
    {
        var values = new List<KeyValuePair<string, double>>(12);
        foreach (var c in Circuits)
        {
            values.Add(new($"power.{c.Id}.watts", c.Watts));
            values.Add(new($"power.{c.Id}.wh", Math.Round(c.Wh, 1)));
        }

        foreach (var (cabin, people) in Occupants)
        {
            values.Add(new($"occupancy.{cabin}.count", people.Count));
        }

        return values;
    }

    public bool Chance(double p) => _random.NextDouble() < p;

    private DateOnly LocalDay(DateTimeOffset t) => DateOnly.FromDateTime(Local(t));
}
