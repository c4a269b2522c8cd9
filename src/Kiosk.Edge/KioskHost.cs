using Kiosk.Edge.Access;
using Kiosk.Edge.Climate;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Control;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Doors;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Power;
using Kiosk.Edge.Security;
using Kiosk.Edge.Messaging;
using Kiosk.Edge.Intercom;
using Kiosk.Edge.Occupancy;
using Kiosk.Edge.Health;
using Kiosk.Edge.TrustedTime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge;

/// <summary>The composition root: configuration sources, and every feature's registration.</summary>
public static class KioskHost
{
    /// <summary>Environment variable naming the site configuration file (default /etc/kiosk/kiosk.json).</summary>
    public const string ConfigPathVariable = "KIOSK_CONFIG";

    public const string DefaultConfigPath = "/etc/kiosk/kiosk.json";

    public static IHost Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            DisableDefaults = true,
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        });

        AddConfiguration(builder.Configuration, builder.Environment.EnvironmentName, args);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        });
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddKioskCore(builder.Configuration);
        builder.Services.AddBoard(builder.Configuration);
        builder.Services.AddKioskSecurity(builder.Configuration);
        builder.Services.AddDoors(builder.Configuration);
        builder.Services.AddAccess();
        builder.Services.AddMessaging(builder.Configuration);
        builder.Services.AddDiagnostics(builder.Configuration);
        builder.Services.AddPower(builder.Configuration);
        builder.Services.AddOccupancy(builder.Configuration);
        builder.Services.AddIntercom(builder.Configuration);
        builder.Services.AddClimate(builder.Configuration);
        builder.Services.AddHealth(builder.Configuration);
        builder.Services.AddTrustedTimeKeeper();
        builder.Services.AddTrustStoreReload();

        builder.Services.AddHostedService<GcSettingsLog>();
        builder.Services.AddHostedService<StartupMemoryTrim>();
        builder.Services.AddHostedService<DevelopmentBanner>();
        builder.Services.AddHostedService<ConfigurationReloader>();

        overrides?.Invoke(builder.Services);
        return builder.Build();
    }

    internal static void AddConfiguration(IConfigurationBuilder configuration, string environment, string[] args)
    {
        configuration.SetBasePath(AppContext.BaseDirectory);
        configuration.AddJsonFile("appsettings.json", optional: false, reloadOnChange: false);
        configuration.AddJsonFile($"appsettings.{environment}.json", optional: true, reloadOnChange: false);

        var explicitPath = Environment.GetEnvironmentVariable(ConfigPathVariable);
        if (explicitPath is { Length: > 0 } && !File.Exists(explicitPath))
        {
            throw new FileNotFoundException($"{ConfigPathVariable} names '{explicitPath}', which does not exist.", explicitPath);
        }

        configuration.AddJsonFile(explicitPath is { Length: > 0 } ? explicitPath : DefaultConfigPath, optional: explicitPath is not { Length: > 0 }, reloadOnChange: false);
        configuration.AddEnvironmentVariables("KIOSK_");
        configuration.AddCommandLine(args);
    }
}
