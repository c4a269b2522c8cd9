using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Occupancy;

internal static class OccupancyServiceCollectionExtensions
{
    public static IServiceCollection AddOccupancy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OccupancyOptions>().Bind(configuration.GetSection(OccupancyOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OccupancyOptions>, OccupancyOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OccupancyOptions>, OccupancyCabinsValidator>());
        services.AddSingleton<OccupancyEstimator>();
        services.AddSingleton(sp => new OccupancySensors(
            sp.GetRequiredService<Board>(),
            sp.GetRequiredService<IOptions<OccupancyOptions>>().Value,
            sp.GetRequiredService<IOptions<BoardOptions>>().Value.Debounce,
            sp.GetRequiredService<OccupancyEstimator>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<OccupancyMonitor>();
        services.AddSingleton<TelemetrySource, OccupancyTelemetry>();
        services.TryAddSingleton(sp => new SimulatedInputs(
            sp.GetRequiredService<Board>(),
            sp.GetRequiredService<IOptions<BoardOptions>>().Value.Debounce,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ControlOperation, SimBeamOperation>();
        services.AddSingleton<ControlOperation, SimPresenceOperation>();
        return services;
    }
}
