using Kiosk.Contract.Topics;
using Kiosk.FleetSim.Behaviour;
using Kiosk.FleetSim.Commands;
using Kiosk.FleetSim.Mqtt;
using Kiosk.FleetSim.Stations;
using Kiosk.Tokens;

namespace Kiosk.FleetSim.Runner;

/// <summary>
/// One simulated kiosk without its connection: the behaviour model, its command processor (its own trust store,
/// audience = its id) and its traffic counters. <see cref="Gate"/> serialises the stepping loop and arriving commands.
/// </summary>
internal sealed class SimKiosk : IDisposable
{
    private readonly TrustStore _trust;

    public SimKiosk(SimStation station, int seed, DateTimeOffset start, BehaviourOptions behaviour, TrustSource trust, string topicRoot, TimeProvider tokenClock, TimeSpan clockSkew, string version)
    {
        Model = new KioskModel(station, seed, start, behaviour, version);
        Topics = new KioskTopics(topicRoot, station.KioskId);
        Version = version;
        _trust = trust.Create();
        var validator = new TokenValidator(_trust, new TokenValidationOptions { Audiences = [station.KioskId], ClockSkew = clockSkew }, tokenClock);
        Commands = new SimCommandProcessor(Model, Topics, validator, tokenClock, clockSkew);
    }

    public KioskModel Model { get; }

    public KioskTopics Topics { get; }

    public string Id => Model.Id;

    public string Version { get; }

    public SimCommandProcessor Commands { get; }

    public TrafficCounter Traffic { get; } = new();

    public Lock Gate { get; } = new();

    public long Connects;

    public long EventsSent;

    public long TelemetrySent;

    public long StatesSent;

    public long CommandsReceived;

    public void Dispose() => _trust.Dispose();
}
