using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Runtime.InteropServices;

namespace Kiosk.Edge.Hardware;

/// <summary>
/// The one place that touches native libgpiod: picks the dotnet/iot driver for the configured
/// libgpiod generation. libgpiod 2.x ships libgpiod.so.3 (<see cref="LibGpiodV2Driver"/>);
/// 0.x/1.x ship libgpiod.so.1/.so.2 (<see cref="LibGpiodDriver"/>).
/// </summary>
internal static class LibgpiodDriverFactory
{
    private const string V2Library = "libgpiod.so.3";

    public static GpioDriver Create(int chip, LibgpiodVersion version)
    {
        var resolved = Resolve(version);
        try
        {
            return resolved == LibgpiodVersion.V2 ? new LibGpiodV2Driver(chip) : new LibGpiodDriver(chip);
        }
        catch (Exception e) when (e is IOException or DllNotFoundException or EntryPointNotFoundException
                                      or PlatformNotSupportedException or GpiodException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"Board:Chip {chip}: cannot open /dev/gpiochip{chip} with libgpiod {resolved} (Board:LibgpiodVersion {version}): {e.Message}", e);
        }
    }

    /// <summary>Auto resolves to V2 when the libgpiod 2.x library can be loaded, else V1.</summary>
    public static LibgpiodVersion Resolve(LibgpiodVersion version)
    {
        if (version != LibgpiodVersion.Auto)
        {
            return version;
        }

        if (NativeLibrary.TryLoad(V2Library, out var handle))
        {
            NativeLibrary.Free(handle);
            return LibgpiodVersion.V2;
        }

        return LibgpiodVersion.V1;
    }
}
