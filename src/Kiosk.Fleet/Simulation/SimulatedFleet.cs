using Kiosk.Fleet.Commands;
using Kiosk.Fleet.Mqtt;
using Kiosk.FleetSim.Behaviour;
using Kiosk.FleetSim.Mqtt;
using Kiosk.FleetSim.Runner;
using Kiosk.Tokens;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Simulation;

/// <summary>
/// Development only (<c>Fleet:Simulator:Enabled</c>): simulated kiosks on the fleet's own broker (the embedded one, or
/// <c>Fleet:Mqtt:Host</c>), trusting the fleet's signing key, so the console shows a living fleet and commands work.
/// They register themselves like real kiosks: their birth carries the station (code, position) the map shows.
/// </summary>
internal sealed partial class SimulatedFleet(
    IOptions<SimulatorOptions> options,
    IOptions<FleetMqttOptions> mqtt,
    CommandSigner signer,
    IOptions<SigningOptions> signing,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<SimulatedFleet>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }

        await using var sim = new FleetSimulator(Options(o), time, loggers);
        LogStarting(o.Count, o.Seed);
        await sim.RunAsync(stoppingToken).ConfigureAwait(false);
    }

    private SimOptions Options(SimulatorOptions o)
    {
        var m = mqtt.Value;
        return new SimOptions
        {
            Count = o.Count,
            Seed = o.Seed,
            IdPrefix = o.IdPrefix,
            TimeScale = o.TimeScale,
            Behaviour = new BehaviourOptions { VisitsPerDay = o.VisitsPerDay },
            Link = new Kiosk.FleetSim.Mqtt.LinkOptions
            {
                Host = m.EffectiveHost,
                Port = m.EffectivePort,
                TopicRoot = m.TopicRoot,
                Tls = m.UsesTls,
                CaFile = m.UsesTls ? m.CaFile : null,
                ReconnectBaseDelay = TimeSpan.FromSeconds(1),
                ReconnectMaxDelay = TimeSpan.FromSeconds(30),
            },
            Trust = TrustSource.FromPem(signer.Kid, signing.Value.Issuer, signer.PublicKeyPem, [KioskRole.Worker, KioskRole.Steward, KioskRole.Maintenance, KioskRole.Operator]),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Development fleet: {Count} simulated kiosks (seed {Seed}) join the broker")]
    private partial void LogStarting(int count, int seed);
}
