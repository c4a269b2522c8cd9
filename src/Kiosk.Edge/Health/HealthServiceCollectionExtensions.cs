using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Health;

internal static class HealthServiceCollectionExtensions
{
    /// <summary>The health monitor, the door loop heartbeat, the storage probe and the systemd watchdog. Needs AddDoors.</summary>
    public static IServiceCollection AddHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HealthOptions>, HealthLoopsValidator>());

        services.AddSingleton<HealthMonitor>();
        services.AddHostedService<HealthCheckService>();
        services.AddHostedService<DoorLoopHeartbeat>();
        services.TryAddSingleton(_ => SystemdNotify.FromEnvironment(Environment.GetEnvironmentVariable, Environment.ProcessId));
        services.AddHostedService(sp => new WatchdogNotifier(
            sp.GetRequiredService<SystemdNotify>(),
            sp.GetRequiredService<HealthMonitor>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WatchdogNotifier>>(),
            // SystemdLifetime (AddSystemd, when it detects systemd) sends READY=1 and STOPPING=1 itself.
            lifetimeSendsReady: sp.GetService<IHostLifetime>() is SystemdLifetime));
        return services;
    }
}
