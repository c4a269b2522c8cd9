using System.IO.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Hardware.Scanner;

/// <summary>
/// Reads the QR scanner's serial line into the <see cref="ScanQueue"/>. One loop owns the device:
/// open, read lines until it fails or goes away (USB unplugged), log why, wait the reconnect delay
/// (TimeProvider), open again. The simulated board has no serial scanner: scans come from sim.scan.
/// Scanned text is a pass: it is never logged.
/// </summary>
internal sealed partial class SerialScanner : BackgroundService
{
    private readonly Func<Stream> _open;
    private readonly ScanQueue _scans;
    private readonly ScannerOptions _options;
    private readonly bool _simulated;
    private readonly TimeProvider _time;
    private readonly ILogger<SerialScanner> _logger;

    public SerialScanner(Board board, ScanQueue scans, IOptions<ScannerOptions> options, TimeProvider time, ILogger<SerialScanner> logger)
        : this(() => OpenSerial(options.Value), scans, options.Value, board.Simulation is not null, time, logger)
    {
    }

    internal SerialScanner(Func<Stream> open, ScanQueue scans, ScannerOptions options, bool simulated, TimeProvider time, ILogger<SerialScanner> logger)
    {
        _open = open;
        _scans = scans;
        _options = options;
        _simulated = simulated;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_simulated)
        {
            LogSimulated();
            return;
        }

        if (!_options.Enabled)
        {
            LogDisabled();
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await ReadOnceAsync(stoppingToken).ConfigureAwait(false);
            await Task.Delay(_options.ReconnectDelay, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>One connection: opens the device and reads scans until it fails or ends. Failures are logged, not thrown.</summary>
    internal async Task ReadOnceAsync(CancellationToken cancellationToken)
    {
        Stream stream;
        try
        {
            stream = _open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            LogOpenFailed(_options.Device, e.GetType().Name, e.Message, _options.ReconnectDelay);
            return;
        }

        LogConnected(_options.Device, _options.BaudRate);
        var reader = new ScanLineReader(_options.MaxLineBytes);
        try
        {
            await using (stream.ConfigureAwait(false))
            {
                // Closing the device is what reliably ends a pending serial read at shutdown.
                await using (cancellationToken.Register(stream.Dispose).ConfigureAwait(false))
                {
                    await reader.ReadAsync(stream, OnLine, OnDiscarded, cancellationToken).ConfigureAwait(false);
                }
            }

            LogEnded(_options.Device, _options.ReconnectDelay);
        }
        catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the registration above closed the device under the read.
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException)
        {
            LogReadFailed(_options.Device, e.GetType().Name, e.Message, _options.ReconnectDelay);
        }
    }

    internal static Stream OpenSerial(ScannerOptions options)
    {
        var port = new SerialPort(options.Device, options.BaudRate, Parity.None, 8, StopBits.One);
        try
        {
            port.Open();
            return port.BaseStream;
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }

    private void OnLine(string text)
    {
        if (!_scans.TryWrite(text))
        {
            LogQueueRefused();
        }
    }

    private void OnDiscarded(int length) => LogDiscarded(length, _options.MaxLineBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated board: no serial scanner; scans come from the sim.scan control operation")]
    private partial void LogSimulated();

    [LoggerMessage(Level = LogLevel.Information, Message = "QR scanner disabled (Scanner:Enabled false)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "QR scanner on {Device} at {Baud} baud")]
    private partial void LogConnected(string device, int baud);

    [LoggerMessage(Level = LogLevel.Warning, Message = "QR scanner {Device} cannot be opened ({Error}: {Message}); retrying in {Delay}")]
    private partial void LogOpenFailed(string device, string error, string message, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "QR scanner {Device} failed while reading ({Error}: {Message}); reopening in {Delay}")]
    private partial void LogReadFailed(string device, string error, string message, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "QR scanner {Device} went away; reopening in {Delay}")]
    private partial void LogEnded(string device, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discarded a scanned line of {Length} bytes (limit Scanner:MaxLineBytes {Limit})")]
    private partial void LogDiscarded(int length, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scan queue refused a scan")]
    private partial void LogQueueRefused();
}
