using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Diagnostics.Checks;

/// <summary>The kernel's view, laid out in a temporary folder as /dev and /sys/class/rtc would show it.</summary>
public sealed class SysfsRtcProbeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rtc-probe-").FullName;

    [Fact]
    public void Probe_NoDeviceNoClass_NotPresent()
    {
        var (present, detail) = Probe().Probe();

        Assert.False(present);
        Assert.Equal($"no RTC ({Device} missing, {Class} empty)", detail);
    }

    [Fact]
    public void Probe_DeviceAndClassEntry_PresentWithItsDriver()
    {
        Directory.CreateDirectory(Path.Combine(Class, "rtc0"));
        File.WriteAllText(Path.Combine(Class, "rtc0", "name"), "rtc-ds1307 1-0068\n");
        File.WriteAllText(Device, "");

        var (present, detail) = Probe().Probe();

        Assert.True(present);
        Assert.Equal("RTC present (rtc0: rtc-ds1307 1-0068)", detail);
    }

    [Fact]
    public void Probe_DeviceOnly_PresentNamingTheDevice()
    {
        File.WriteAllText(Device, "");

        var (present, detail) = Probe().Probe();

        Assert.True(present);
        Assert.Equal($"RTC present ({Device})", detail);
    }

    [Fact]
    public void Probe_ClassEntryWithoutDevice_NotPresent()
    {
        Directory.CreateDirectory(Path.Combine(Class, "rtc0"));
        File.WriteAllText(Path.Combine(Class, "rtc0", "name"), "rtc-ds1307\n");

        var (present, detail) = Probe().Probe();

        Assert.False(present);
        Assert.Equal($"RTC listed (rtc0: rtc-ds1307) but {Device} missing", detail);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Device => Path.Combine(_dir, "rtc0");

    private string Class => Path.Combine(_dir, "class");

    private SysfsRtcProbe Probe() => new(Options.Create(new DiagnosticsOptions { RtcDevicePath = Device, RtcClassDirectory = Class }));
}
