using Kiosk.Edge.Commands;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Messaging;
using Kiosk.Edge.Messaging.Commands;
using Kiosk.Edge.Messaging.Connection;
using Kiosk.Edge.Security;
using Kiosk.Edge.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.IntegrationTests.Infrastructure;

/// <summary>
/// The kiosk's core and MQTT link in-process (real journal, real MQTTnet client, real timers), with
/// its own state directory, pointed at a test broker. Settings are configuration keys, e.g. <c>Mqtt:ProtocolVersion</c>.
/// </summary>
internal sealed class KioskUnderTest : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly bool _ownsDirectory;

    private KioskUnderTest(IHost host, string id, string root, bool ownsDirectory)
    {
        _host = host;
        Id = id;
        Root = root;
        _ownsDirectory = ownsDirectory;
    }

    public string Id { get; }

    public string Root { get; }

    public IServiceProvider Services => _host.Services;

    public EventJournal Journal => Services.GetRequiredService<EventJournal>();

    public StateBoard Board => Services.GetRequiredService<StateBoard>();

    public MqttLink Link => Services.GetRequiredService<MqttLink>();

    public static Dictionary<string, string?> Defaults(string id, string root, int port) => new()
    {
        ["Kiosk:Id"] = id,
        ["Kiosk:StateDirectory"] = Path.Combine(root, "state"),
        ["Kiosk:RuntimeDirectory"] = Path.Combine(root, "run"),
        ["Board:Kind"] = "Simulated",
        ["Kiosk:Station:Code"] = "TEST-01",
        ["Kiosk:Station:Name"] = "Test station",
        ["Kiosk:Station:Amenities:0"] = "hot_water",
        ["Doors:Default"] = "rest",
        ["Doors:Cabins:rest:Capacity"] = "6",
        ["Doors:Cabins:staff:Capacity"] = "2",
        ["Mqtt:Host"] = "127.0.0.1",
        ["Mqtt:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mqtt:Tls:Enabled"] = "false",
        ["Mqtt:StartDelayMax"] = "00:00:00",
        ["Mqtt:Reconnect:BaseDelay"] = "00:00:00.200",
        ["Mqtt:Reconnect:MaxDelay"] = "00:00:01",
        ["Mqtt:ConnectTimeout"] = "00:00:05",
        ["Mqtt:OperationTimeout"] = "00:00:05",
        ["Mqtt:Events:MaxRate"] = "1000",
        ["Mqtt:Events:Burst"] = "1000",
    };

    public static async Task<KioskUnderTest> StartAsync(
        int brokerPort,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string? id = null,
        string? root = null,
        bool productionSecurity = false)
    {
        id ??= "test-" + Guid.NewGuid().ToString("N")[..8];
        var ownsDirectory = root is null;
        root ??= Directory.CreateTempSubdirectory("kiosk-mqtt-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Development,
            ContentRootPath = root,
        });
        var values = Defaults(id, root, brokerPort);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (Environment.GetEnvironmentVariable("KIOSK_TEST_LOG") is { Length: > 0 } file)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(new FileLoggerProvider(file));
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddKioskCore(builder.Configuration);
        builder.Services.AddBoard(builder.Configuration);
        builder.Services.AddMessaging(builder.Configuration);
        builder.Services.AddSingleton<KioskCommand, EchoCommand>();
        builder.Services.AddSingleton<KioskCommand, UnlockProbeCommand>();
        if (productionSecurity)
        {
            // The service's own wiring: commands verified by the pass authority (trust store, SQLite replay store, revocations, rate limit).
            builder.Services.AddKioskSecurity(builder.Configuration);
        }
        else
        {
            builder.Services.AddSingleton<CommandTokenVerifier, FakeTokenVerifier>();
        }
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new KioskUnderTest(host, id, root, ownsDirectory);
    }

    public Task WaitConnectedAsync(TimeSpan timeout) => Link.WaitForSessionAsync(CancellationToken.None).WaitAsync(timeout);

    /// <summary>Clean shutdown: the service publishes offline and disconnects.</summary>
    public async Task StopAsync() => await _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _host.StopAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
        }

        _host.Dispose();
        if (_ownsDirectory)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
