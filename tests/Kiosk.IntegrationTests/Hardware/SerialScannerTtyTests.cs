using Kiosk.Edge.Hardware;
using Kiosk.Edge.Hardware.Scanner;
using Microsoft.Extensions.Logging.Testing;

namespace Kiosk.IntegrationTests.Hardware;

/// <summary>The serial scanner over a real tty (System.IO.Ports on a pseudo-terminal), with real time.</summary>
public sealed class SerialScannerTtyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Scanner_LinesOnTheTty_ReachTheScanQueue()
    {
        using var tty = PseudoTerminal.Open();
        var scans = new ScanQueue();
        var logger = new FakeLogger<SerialScanner>();
        var options = new ScannerOptions { Device = tty.DevicePath, BaudRate = 9600, ReconnectDelay = TimeSpan.FromMilliseconds(200) };
        var scanner = new SerialScanner(() => SerialScanner.OpenSerial(options), scans, options, simulated: false, TimeProvider.System, logger);
        var ct = TestContext.Current.CancellationToken;

        await scanner.StartAsync(ct);
        try
        {
            await WaitUntilAsync(() => logger.Collector.GetSnapshot().Any(r => r.Message.Contains("QR scanner on", StringComparison.Ordinal)));
            tty.Write("eyJ.first.scan\r\n");
            tty.Write("https://kiosk.example/open?t=eyJ.second.scan\r");

            Assert.Equal("eyJ.first.scan", (await scans.Reader.ReadAsync(ct).AsTask().WaitAsync(Patience, ct)).Text);
            Assert.Equal("https://kiosk.example/open?t=eyJ.second.scan", (await scans.Reader.ReadAsync(ct).AsTask().WaitAsync(Patience, ct)).Text);
        }
        finally
        {
            await scanner.StopAsync(ct).WaitAsync(Patience, ct);
        }

        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Message.Contains("eyJ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scanner_DeviceGoesAway_LogsItAndTriesToReopen()
    {
        var tty = PseudoTerminal.Open();
        var scans = new ScanQueue();
        var logger = new FakeLogger<SerialScanner>();
        var options = new ScannerOptions { Device = tty.DevicePath, ReconnectDelay = TimeSpan.FromMilliseconds(100) };
        var scanner = new SerialScanner(() => SerialScanner.OpenSerial(options), scans, options, simulated: false, TimeProvider.System, logger);
        var ct = TestContext.Current.CancellationToken;

        await scanner.StartAsync(ct);
        try
        {
            await WaitUntilAsync(() => logger.Collector.GetSnapshot().Any(r => r.Message.Contains("QR scanner on", StringComparison.Ordinal)));
            tty.Write("eyJ.before.unplug\n");
            Assert.Equal("eyJ.before.unplug", (await scans.Reader.ReadAsync(ct).AsTask().WaitAsync(Patience, ct)).Text);

            // Unplugging: the other end of the line disappears.
            tty.Dispose();

            await WaitUntilAsync(() => logger.Collector.GetSnapshot().Any(r =>
                r.Message.Contains("went away", StringComparison.Ordinal) || r.Message.Contains("failed while reading", StringComparison.Ordinal)));
            await WaitUntilAsync(() => logger.Collector.GetSnapshot().Count(r => r.Message.Contains("QR scanner on", StringComparison.Ordinal)
                || r.Message.Contains("cannot be opened", StringComparison.Ordinal)) >= 2);
        }
        finally
        {
            await scanner.StopAsync(ct).WaitAsync(Patience, ct);
        }
    }

    [Fact]
    public async Task Scanner_DeviceMissing_LogsAndKeepsRetrying()
    {
        var scans = new ScanQueue();
        var logger = new FakeLogger<SerialScanner>();
        var options = new ScannerOptions { Device = "/dev/ttyKIOSK-missing", ReconnectDelay = TimeSpan.FromMilliseconds(100) };
        var scanner = new SerialScanner(() => SerialScanner.OpenSerial(options), scans, options, simulated: false, TimeProvider.System, logger);
        var ct = TestContext.Current.CancellationToken;

        await scanner.StartAsync(ct);
        try
        {
            await WaitUntilAsync(() => logger.Collector.GetSnapshot().Count(r => r.Message.Contains("cannot be opened", StringComparison.Ordinal)) >= 2);
        }
        finally
        {
            await scanner.StopAsync(ct).WaitAsync(Patience, ct);
        }

        Assert.True(scanner.ExecuteTask!.IsCompleted);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
