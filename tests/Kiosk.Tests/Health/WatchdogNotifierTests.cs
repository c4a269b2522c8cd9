using Kiosk.Edge.Health;
using Kiosk.Edge.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Health;

public sealed class WatchdogNotifierTests : IAsyncLifetime
{
    private static readonly TimeSpan WatchdogSec = TimeSpan.FromSeconds(20);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly FakeNotifySocket _systemd = new();
    private readonly FakeLifetime _lifetime = new();
    private readonly StateBoard _board = new();
    private readonly HealthMonitor _health;
    private readonly FakeDoorLoop _doorLoop;
    private readonly SystemdNotify _notify;
    private WatchdogNotifier? _notifier;

    public WatchdogNotifierTests()
    {
        _health = new HealthMonitor(_time, _board, Options.Create(new HealthOptions
        {
            Loops = { [HealthMonitor.DoorLoop] = TimeSpan.FromSeconds(5) },
        }));
        _doorLoop = new FakeDoorLoop(_health, _time);
        _notify = new SystemdNotify(_systemd.Path, WatchdogSec);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_notifier is not null)
        {
            await _notifier.StopAsync(CancellationToken.None);
            _notifier.Dispose();
        }

        _doorLoop.Dispose();
        _notify.Dispose();
        _lifetime.Dispose();
        _systemd.Dispose();
    }

    [Fact]
    public async Task ExecuteAsync_DoorLoopBeating_SendsReadyThenWatchdogEveryHalfPeriod()
    {
        await StartAsync(lifetimeSendsReady: false);

        Assert.Equal("READY=1", await _systemd.ReceiveAsync());
        Assert.Equal("WATCHDOG=1\nSTATUS=live", await _systemd.ReceiveAsync());
        for (var period = 0; period < 3; period++)
        {
            AdvanceSeconds(10);
            Assert.Equal("WATCHDOG=1", await _systemd.ReceiveAsync());
        }
    }

    [Fact]
    public async Task ExecuteAsync_DoorLoopHangs_WithholdsWatchdogAndSaysWhy()
    {
        await StartAsync(lifetimeSendsReady: false);
        Assert.Equal("READY=1", await _systemd.ReceiveAsync());
        Assert.StartsWith("WATCHDOG=1", await _systemd.ReceiveAsync(), StringComparison.Ordinal);
        AdvanceSeconds(10);
        Assert.Equal("WATCHDOG=1", await _systemd.ReceiveAsync());

        _doorLoop.Hang();
        for (var period = 0; period < 3; period++)
        {
            AdvanceSeconds(10);
            var message = await _systemd.ReceiveAsync();
            Assert.DoesNotContain("WATCHDOG=1", message, StringComparison.Ordinal);
            Assert.Equal("STATUS=not live, watchdog withheld: doors", message);
        }

        Assert.Equal(0, _systemd.Available);
        Assert.False(_board.Get("health")!["live"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ExecuteAsync_SystemdLifetimeSendsReady_DoesNotRepeatIt()
    {
        await StartAsync(lifetimeSendsReady: true);

        Assert.Equal("WATCHDOG=1\nSTATUS=live", await _systemd.ReceiveAsync());
    }

    [Fact]
    public async Task StopAsync_NoSystemdLifetime_SendsStopping()
    {
        await StartAsync(lifetimeSendsReady: false);
        Assert.Equal("READY=1", await _systemd.ReceiveAsync());
        Assert.StartsWith("WATCHDOG=1", await _systemd.ReceiveAsync(), StringComparison.Ordinal);

        await _notifier!.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal("STOPPING=1", await _systemd.ReceiveAsync());
    }

    [Fact]
    public async Task ExecuteAsync_NoWatchdogConfigured_OnlyReady()
    {
        using var notify = new SystemdNotify(_systemd.Path, watchdogTimeout: null);
        _notifier = new WatchdogNotifier(notify, _health, _lifetime, _time, NullLogger<WatchdogNotifier>.Instance, lifetimeSendsReady: false);
        await _notifier.StartAsync(TestContext.Current.CancellationToken);
        _lifetime.Start();

        Assert.Equal("READY=1", await _systemd.ReceiveAsync());
        await _notifier.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(0, _systemd.Available);
    }

    [Fact]
    public async Task Tick_AbstractNotifySocket_Delivered()
    {
        using var systemd = new FakeNotifySocket(abstractName: true);
        using var notify = new SystemdNotify(systemd.Path, WatchdogSec);
        using var notifier = new WatchdogNotifier(notify, _health, _lifetime, _time, NullLogger<WatchdogNotifier>.Instance, lifetimeSendsReady: false);

        Assert.True(notifier.Tick());
        Assert.Equal("WATCHDOG=1\nSTATUS=live", await systemd.ReceiveAsync());
    }

    private async Task StartAsync(bool lifetimeSendsReady)
    {
        _notifier = new WatchdogNotifier(_notify, _health, _lifetime, _time, NullLogger<WatchdogNotifier>.Instance, lifetimeSendsReady);
        Assert.Equal(TimeSpan.FromSeconds(10), _notifier.PingInterval);
        await _notifier.StartAsync(TestContext.Current.CancellationToken);
        _lifetime.Start();
    }

    private void AdvanceSeconds(int seconds)
    {
        // One second at a time so the fake door loop's periodic beat fires at each of its due times.
        for (var i = 0; i < seconds; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
