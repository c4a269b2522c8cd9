using System.Text.Json.Nodes;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Control;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge;

/// <summary>
/// In Development, tells a newcomer where the control socket is and how to issue a demo pass,
/// once the socket listens.
/// </summary>
internal sealed partial class DevelopmentBanner(
    ControlServer control,
    IOptions<KioskOptions> kiosk,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<DevelopmentBanner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!environment.IsDevelopment())
        {
            return;
        }

        await control.Listening.WaitAsync(stoppingToken).ConfigureAwait(false);
        var demoKey = Path.Combine(AppContext.BaseDirectory, "demo", "demo-issuer.key.pem");
        var (kid, issuer) = DemoIssuer(configuration["Security:TrustStorePath"]);
        LogBanner(
            kiosk.Value.Id,
            control.SocketPath,
            $"kioskctl token issue --key {demoKey} --kid {kid} --iss {issuer} --aud {kiosk.Value.Id} --sub worker-0042",
            "kioskctl sim scan \"$PASS\"");
    }

    private static (string Kid, string Issuer) DemoIssuer(string? trustStorePath)
    {
        try
        {
            var path = Path.IsPathRooted(trustStorePath ?? "") ? trustStorePath! : Path.Combine(AppContext.BaseDirectory, trustStorePath ?? "demo/trust-store.json");
            var first = JsonNode.Parse(File.ReadAllText(path))?["keys"]?[0];
            return (first?["kid"]?.GetValue<string>() ?? "demo-issuer", first?["issuer"]?.GetValue<string>() ?? "?");
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            return ("demo-issuer", "?");
        }
    }

    private void LogBanner(string id, string socket, string issueCommand, string scanCommand)
    {
        // Written to the console as a block, not through the single-line log formatter: it is for a person to copy from.
        LogReady(id, socket);
        Console.Out.WriteLine($"""

            ==== Simulated kiosk {id} is running (Development) ====
              control socket:    {socket}
              issue a demo pass: PASS=$({issueCommand})
              scan it:           {scanCommand}
              where kioskctl = dotnet run --project src/Kiosk.Ctl --   (README: "A five-minute tour")

            """);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated kiosk {Id} ready; control socket {Socket}")]
    private partial void LogReady(string id, string socket);
}
