using Kiosk.FleetSim.Behaviour;
using Kiosk.FleetSim.Mqtt;
using Kiosk.FleetSim.Stations;
using Microsoft.Extensions.Logging;

namespace Kiosk.FleetSim.Runner;

/// <summary>
/// N simulated kiosks in one process: one stepping loop advances every kiosk's model to the virtual now
/// (<see cref="StepTo"/>, the single step tests call) and wakes its MQTT link; each link runs its own loop.
/// </summary>
internal sealed partial class FleetSimulator : IAsyncDisposable
{
    private readonly SimOptions _options;
    private readonly TimeProvider _wall;
    private readonly ILogger _logger;
    private readonly List<SimKioskLink> _links;

    public FleetSimulator(SimOptions options, TimeProvider wall, ILoggerFactory loggers)
    {
        _options = options;
        _wall = wall;
        _logger = loggers.CreateLogger<FleetSimulator>();
        Start = options.Start ?? wall.GetUtcNow();
        Clock = new ScaledTimeProvider(wall, Start, options.TimeScale);
        Kiosks = [.. StationCatalog.Yingze(options.Count, options.Seed, options.IdPrefix)
            .Select(s => new SimKiosk(s, options.Seed, Start, options.Behaviour, options.Trust, options.Link.TopicRoot, wall, options.ClockSkew, options.Version))];
        var linkLogger = loggers.CreateLogger<SimKioskLink>();
        _links = [.. Kiosks.Select(k => new SimKioskLink(k, options.Link, wall, Clock, new Random(DeterministicHash.Of(options.Seed, "link/" + k.Id)), linkLogger))];
    }

    public DateTimeOffset Start { get; }

    /// <summary>Virtual time: <see cref="Start"/> plus wall time elapsed times the scale.</summary>
    public ScaledTimeProvider Clock { get; }

    public IReadOnlyList<SimKiosk> Kiosks { get; }

    public int ConnectedCount => _links.Count(l => l.IsConnected);

    /// <summary>Advances every kiosk's model to <paramref name="virtualNow"/> and wakes the links.</summary>
    public void StepTo(DateTimeOffset virtualNow)
    {
        for (var i = 0; i < Kiosks.Count; i++)
        {
            lock (Kiosks[i].Gate)
            {
                Kiosks[i].Model.AdvanceTo(virtualNow);
            }

            _links[i].Wake();
        }
    }

    /// <summary>Connects the kiosks (at the connect rate) and steps until cancelled; then shuts every kiosk down cleanly.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        LogStarting(Kiosks.Count, _options.Link.Host, _options.Link.Port, _options.Seed, _options.TimeScale);
        using var linksStop = new CancellationTokenSource();
        var rate = Math.Max(_options.ConnectRate, 0.001);
        var tasks = _links.Select((l, i) => Task.Run(() => l.RunAsync(TimeSpan.FromSeconds(i / rate), linksStop.Token), CancellationToken.None)).ToList();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                StepTo(Clock.GetUtcNow());
                await Task.Delay(_options.Tick, _wall, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await linksStop.CancelAsync().ConfigureAwait(false);
            foreach (var task in tasks)
            {
                try
                {
                    await task.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Stopped as asked.
                }
                catch (Exception e)
                {
                    // A link that died of something else must not keep the others from their clean shutdown.
                    LogLinkEnded(e.GetType().Name, e.Message);
                }
            }

            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Task.WhenAll(_links.Select(l => l.StopAsync(stop.Token))).ConfigureAwait(false);
            LogStopped(Kiosks.Count);
        }
    }

    public SimStats Stats(TimeSpan wallElapsed)
    {
        var now = Clock.GetUtcNow();
        var virtualSeconds = Math.Max((now - Start).TotalSeconds, 1);
        var perKiosk = new SortedDictionary<string, KioskStats>(StringComparer.Ordinal);
        long appended = 0, pending = 0, dropped = 0;
        for (var i = 0; i < Kiosks.Count; i++)
        {
            var k = Kiosks[i];
            lock (k.Gate)
            {
                appended += k.Model.Events.LastSeq;
                pending += k.Model.Events.PendingCount;
                dropped += k.Model.Events.DroppedTotal;
                perKiosk[k.Id] = new KioskStats(_links[i].IsConnected, k.Connects, k.Model.Events.LastSeq, k.EventsSent, k.Traffic.BytesSent, k.Traffic.BytesReceived);
            }
        }

        var n = Math.Max(Kiosks.Count, 1);
        var perDay = 86_400 / virtualSeconds / n;
        var sent = Kiosks.Sum(k => k.Traffic.BytesSent);
        var received = Kiosks.Sum(k => k.Traffic.BytesReceived);
        var packets = Kiosks.Sum(k => k.Traffic.PacketsSent + k.Traffic.PacketsReceived);
        return new SimStats
        {
            Kiosks = Kiosks.Count,
            Seed = _options.Seed,
            TimeScale = _options.TimeScale,
            WallSeconds = Math.Round(wallElapsed.TotalSeconds, 1),
            VirtualSeconds = Math.Round(virtualSeconds, 1),
            VirtualStart = Start,
            VirtualNow = now,
            Connected = ConnectedCount,
            Connects = Kiosks.Sum(k => k.Connects),
            EventsAppended = appended,
            EventsSent = Kiosks.Sum(k => k.EventsSent),
            EventsPending = pending,
            EventsDropped = dropped,
            TelemetrySent = Kiosks.Sum(k => k.TelemetrySent),
            StatesSent = Kiosks.Sum(k => k.StatesSent),
            CommandsReceived = Kiosks.Sum(k => k.CommandsReceived),
            BytesSent = sent,
            BytesReceived = received,
            PacketsSent = Kiosks.Sum(k => k.Traffic.PacketsSent),
            PacketsReceived = Kiosks.Sum(k => k.Traffic.PacketsReceived),
            BytesPerKioskPerDaySent = Math.Round(sent * perDay),
            BytesPerKioskPerDayReceived = Math.Round(received * perDay),
            PacketsPerKioskPerDay = Math.Round(packets * perDay),
            ByteCounting = "MQTT 5 packet bytes as built (PUBLISH, PUBACK, CONNECT/CONNACK, SUBSCRIBE/SUBACK, PINGREQ/PINGRESP); TCP/IP and TLS framing not included. Keep-alive pings run on wall time: with --time-scale > 1 they are under-counted per virtual day.",
            PerKiosk = perKiosk,
        };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var link in _links)
        {
            await link.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var kiosk in Kiosks)
        {
            kiosk.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulating {Count} kiosks against {Host}:{Port} (seed {Seed}, time scale {Scale})")]
    private partial void LogStarting(int count, string host, int port, int seed, double scale);

    [LoggerMessage(Level = LogLevel.Error, Message = "A simulated kiosk's link ended with {Type}: {Error}")]
    private partial void LogLinkEnded(string type, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped {Count} simulated kiosks (offline published)")]
    private partial void LogStopped(int count);
}
