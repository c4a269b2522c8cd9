using Kiosk.FleetSim.Behaviour;
using Kiosk.FleetSim.Mqtt;
using Kiosk.FleetSim.Runner;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.IntegrationTests.Contract;

/// <summary>
/// One simulated kiosk of Kiosk.FleetSim, in-process, in real time, on the suite's broker and trust store. Its own
/// life is switched off (no visits, alarms or link drops) so the suite decides what happens, as with the service.
/// </summary>
internal sealed class SimKioskSubject : ContractSubject
{
    private readonly FleetSimulator _sim;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private SimKioskSubject(FleetSimulator sim)
    {
        _sim = sim;
        _run = sim.RunAsync(_stop.Token);
    }

    public override string Id => _sim.Kiosks[0].Id;

    /// <summary>The simulator names kiosks <c>{prefix}-0001</c>...: the id of the only one.</summary>
    public static string IdFor(string prefix) => prefix + "-0001";

    public static ContractSubject Start(string prefix, int brokerPort, string trustStorePath) =>
        new SimKioskSubject(new FleetSimulator(
            new SimOptions
            {
                Count = 1,
                IdPrefix = prefix,
                Tick = TimeSpan.FromMilliseconds(100),
                Behaviour = new BehaviourOptions
                {
                    Step = TimeSpan.FromSeconds(1),
                    TelemetryPeriod = TimeSpan.FromSeconds(1),
                    VisitsPerDay = 0,
                    LinkDropsPerDay = 0,
                    ForcedOpensPerDay = 0,
                    HelpCallsPerDay = 0,
                },
                Link = new LinkOptions
                {
                    Host = "127.0.0.1",
                    Port = brokerPort,
                    KeepAlive = TimeSpan.FromSeconds(5),
                    ReconnectBaseDelay = TimeSpan.FromMilliseconds(200),
                    ReconnectMaxDelay = TimeSpan.FromSeconds(1),
                },
                Trust = TrustSource.FromFile(trustStorePath),
            },
            TimeProvider.System,
            NullLoggerFactory.Instance));

    public override Task PressExitAsync(string door)
    {
        var kiosk = _sim.Kiosks[0];
        lock (kiosk.Gate)
        {
            kiosk.Model.PressExit(door);
        }

        return Task.CompletedTask;
    }

    public override async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _run;
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        await _sim.DisposeAsync();
        _stop.Dispose();
    }
}
