using Kiosk.Edge.Health;

namespace Kiosk.Tests.Health;

public sealed class SystemdNotifyTests
{
    private const int Pid = 4242;

    [Fact]
    public void FromEnvironment_NoNotifySocket_Disabled()
    {
        using var notify = SystemdNotify.FromEnvironment(Env(("WATCHDOG_USEC", "20000000")), Pid);

        Assert.False(notify.IsEnabled);
        Assert.Null(notify.WatchdogTimeout);
        Assert.False(notify.Send("READY=1"));
    }

    [Fact]
    public void FromEnvironment_WatchdogForThisProcess_ReadsPeriod()
    {
        using var notify = SystemdNotify.FromEnvironment(Env(("NOTIFY_SOCKET", "/run/systemd/notify"), ("WATCHDOG_USEC", "20000000"), ("WATCHDOG_PID", "4242")), Pid);

        Assert.True(notify.IsEnabled);
        Assert.Equal(TimeSpan.FromSeconds(20), notify.WatchdogTimeout);
    }

    [Fact]
    public void FromEnvironment_WatchdogPidOfAnotherProcess_NoWatchdog()
    {
        using var notify = SystemdNotify.FromEnvironment(Env(("NOTIFY_SOCKET", "/run/systemd/notify"), ("WATCHDOG_USEC", "20000000"), ("WATCHDOG_PID", "1")), Pid);

        Assert.True(notify.IsEnabled);
        Assert.Null(notify.WatchdogTimeout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("twenty")]
    public void FromEnvironment_BadWatchdogUsec_NoWatchdog(string usec)
    {
        using var notify = SystemdNotify.FromEnvironment(Env(("NOTIFY_SOCKET", "@notify"), ("WATCHDOG_USEC", usec)), Pid);

        Assert.Null(notify.WatchdogTimeout);
    }

    [Fact]
    public void Send_ManagerGone_ReturnsFalse()
    {
        using var notify = new SystemdNotify(Path.Combine(Path.GetTempPath(), "no-such-notify-" + Guid.NewGuid().ToString("N")), null);

        Assert.False(notify.Send("READY=1"));
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
