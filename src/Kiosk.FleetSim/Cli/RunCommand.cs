using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Kiosk.FleetSim.Behaviour;
using Kiosk.FleetSim.Mqtt;
using Kiosk.FleetSim.Runner;
using Kiosk.Tokens;
using Microsoft.Extensions.Logging;

namespace Kiosk.FleetSim.Cli;

/// <summary>
/// <c>kiosk-fleetsim run --host H [--port P] --count N --seed S [--duration D] [--time-scale X] [--trust-store F | --trust-key PEM ...] [--stats F]</c>:
/// N simulated kiosks against a broker until the duration ends or SIGINT/SIGTERM, then a clean shutdown and the stats.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var o = new RunOptions();
        var command = new Command("run", "Run N simulated kiosks against an MQTT broker");
        foreach (var option in o.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, ct) =>
        {
            SimOptions options;
            try
            {
                options = o.Read(result);
            }
            catch (Exception e) when (e is ArgumentException or TrustStoreException or IOException)
            {
                await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 2;
            }

            using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(result.GetValue(o.Verbose) ? LogLevel.Debug : LogLevel.Information));
            return await RunAsync(options, result.GetValue(o.Duration), result.GetValue(o.Stats), result.GetValue(o.StatsInterval), loggers, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(SimOptions options, TimeSpan? duration, FileInfo? statsFile, TimeSpan statsInterval, ILoggerFactory loggers, CancellationToken ct)
    {
        var wall = TimeProvider.System;
        var started = wall.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        if (duration is { } d)
        {
            stop.CancelAfter(d);
        }

        await using var sim = new FleetSimulator(options, wall, loggers);
        var run = sim.RunAsync(stop.Token);
        using var timer = new PeriodicTimer(statsInterval, wall);
        while (!run.IsCompleted)
        {
            var tick = timer.WaitForNextTickAsync(CancellationToken.None).AsTask();
            await Task.WhenAny(run, tick).ConfigureAwait(false);
            if (statsFile is not null)
            {
                await WriteAsync(statsFile, sim.Stats(wall.GetElapsedTime(started))).ConfigureAwait(false);
            }
        }

        await run.ConfigureAwait(false);
        var stats = sim.Stats(wall.GetElapsedTime(started));
        if (statsFile is not null)
        {
            await WriteAsync(statsFile, stats).ConfigureAwait(false);
        }

        await Console.Out.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"kiosks={stats.Kiosks} connected_at_end={stats.Connected} connects={stats.Connects} events={stats.EventsAppended} sent={stats.EventsSent} pending={stats.EventsPending} virtual_s={stats.VirtualSeconds} bytes_per_kiosk_day_sent={stats.BytesPerKioskPerDaySent} bytes_per_kiosk_day_received={stats.BytesPerKioskPerDayReceived}")).ConfigureAwait(false);
        return 0;
    }

    private static async Task WriteAsync(FileInfo file, SimStats stats)
    {
        // Written whole then renamed, so a reader never sees half a file.
        var temp = file.FullName + ".tmp";
        await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(stats, SimJsonContext.Default.SimStats)).ConfigureAwait(false);
        File.Move(temp, file.FullName, overwrite: true);
    }
}
