using Kiosk.Edge.Hardware;
using Kiosk.Edge.Hardware.Scanner;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Hardware.Scanner;

public sealed class SerialScannerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeLogger<SerialScanner> _logger = new();
    private readonly ScanQueue _scans = new();
    private readonly ScannerOptions _options = new() { Device = "/dev/ttyACM0", ReconnectDelay = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task ReadOnce_Lines_GoToTheScanQueue()
    {
        var scanner = new SerialScanner(() => new MemoryStream("eyJ.a.b\r\neyJ.c.d\r\n"u8.ToArray()), _scans, _options, simulated: false, _time, _logger);

        await scanner.ReadOnceAsync(TestContext.Current.CancellationToken);

        Assert.True(_scans.Reader.TryRead(out var first));
        Assert.True(_scans.Reader.TryRead(out var second));
        Assert.Equal(("eyJ.a.b", "eyJ.c.d"), (first.Text, second.Text));
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Message.Contains("went away", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadOnce_DeviceMissing_LogsTheFailureWithoutThrowing()
    {
        var scanner = new SerialScanner(() => throw new FileNotFoundException("no such device"), _scans, _options, simulated: false, _time, _logger);

        await scanner.ReadOnceAsync(TestContext.Current.CancellationToken);

        var record = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Contains("/dev/ttyACM0 cannot be opened (FileNotFoundException: no such device)", record.Message);
    }

    [Fact]
    public async Task ReadOnce_OverLongLine_LogsLengthNotContent()
    {
        _options.MaxLineBytes = 256;
        var secret = "eyJ" + new string('S', 300);
        var scanner = new SerialScanner(() => new MemoryStream(System.Text.Encoding.ASCII.GetBytes(secret + "\n")), _scans, _options, simulated: false, _time, _logger);

        await scanner.ReadOnceAsync(TestContext.Current.CancellationToken);

        Assert.False(_scans.Reader.TryRead(out _));
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Message.Contains("303 bytes", StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Message.Contains("SSSS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_DeviceAppearsLater_ReconnectsAfterTheDelay()
    {
        var attempts = 0;
        var scanner = new SerialScanner(
            () => ++attempts == 1 ? throw new IOException("unplugged") : new MemoryStream("eyJ.late.scan\n"u8.ToArray()),
            _scans, _options, simulated: false, _time, _logger);

        await scanner.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await WaitUntil(() => attempts == 1);
            var scan = _scans.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask();

            // The loop arms its reconnect delay on its own thread: keep the fake clock moving until the scan arrives.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (!scan.IsCompleted)
            {
                timeout.Token.ThrowIfCancellationRequested();
                _time.Advance(TimeSpan.FromSeconds(5));
                await Task.WhenAny(scan, Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token));
            }

            Assert.Equal("eyJ.late.scan", (await scan).Text);
            Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Message.Contains("cannot be opened (IOException: unplugged)", StringComparison.Ordinal));
        }
        finally
        {
            await scanner.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Run_SimulatedBoard_NeverOpensADevice()
    {
        var opened = false;
        var scanner = new SerialScanner(() => { opened = true; return Stream.Null; }, _scans, _options, simulated: true, _time, _logger);

        await scanner.StartAsync(TestContext.Current.CancellationToken);
        await scanner.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.False(opened);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
}
