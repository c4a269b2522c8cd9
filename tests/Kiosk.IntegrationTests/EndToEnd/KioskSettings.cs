using System.Net;
using System.Net.Sockets;

namespace Kiosk.IntegrationTests.EndToEnd;

/// <summary>Configuration that keeps a test's service from touching anything another test or a developer uses.</summary>
internal static class KioskSettings
{
    /// <summary>Development defaults, with the embedded broker on a free loopback port.</summary>
    public static Dictionary<string, string> Isolated() => new()
    {
        ["Mqtt:Embedded:Port"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
