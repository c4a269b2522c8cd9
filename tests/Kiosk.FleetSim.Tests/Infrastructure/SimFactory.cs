using Kiosk.FleetSim.Behaviour;
using Kiosk.FleetSim.Mqtt;
using Kiosk.FleetSim.Runner;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.FleetSim.Tests.Infrastructure;

/// <summary>Simulators for tests: a fixed virtual start (a Monday, 00:00 Beijing time), recorded events.</summary>
internal static class SimFactory
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 0, 0, 0, TimeSpan.FromHours(8));

    public static FleetSimulator Create(int count, int seed, TimeProvider wall, int port = 1, TrustSource? trust = null, BehaviourOptions? behaviour = null, double timeScale = 1, string idPrefix = "tyyz") =>
        new(
            new SimOptions
            {
                Count = count,
                Seed = seed,
                IdPrefix = idPrefix,
                Start = Start,
                TimeScale = timeScale,
                ConnectRate = 1000,
                Tick = TimeSpan.FromMilliseconds(50),
                Behaviour = behaviour ?? new BehaviourOptions { RecordEvents = true },
                Link = new LinkOptions { Host = "127.0.0.1", Port = port, ReconnectBaseDelay = TimeSpan.FromMilliseconds(200), ReconnectMaxDelay = TimeSpan.FromSeconds(1) },
                Trust = trust ?? TrustSource.None,
            },
            wall,
            NullLoggerFactory.Instance);

    /// <summary>Every recorded event of every kiosk, kiosk by kiosk, as wire bytes separated by newlines.</summary>
    public static byte[] Stream(FleetSimulator sim)
    {
        using var buffer = new MemoryStream();
        foreach (var kiosk in sim.Kiosks)
        {
            foreach (var e in kiosk.Model.Events.Recorded!)
            {
                buffer.Write(e.Payload);
                buffer.WriteByte((byte)'\n');
            }
        }

        return buffer.ToArray();
    }
}
