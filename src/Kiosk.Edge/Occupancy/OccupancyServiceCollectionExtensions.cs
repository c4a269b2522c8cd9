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
        services.AddSingleton<IPostConfigureOptions<OccupancyOptions>, CabinsFromDoors>();
        services.AddSingleton<OccupancyEstimator>();
        services.AddSingleton<Kiosk.Edge.Access.AccessGate, CapacityGate>();
        // Replaces the power guard's door-event default: saving follows the fused estimate.
        services.AddSingleton<Kiosk.Edge.Power.OccupancySignal, EstimatorOccupancySignal>();
        services.AddSingleton(sp => new OccupancySensors(
            sp.GetRequiredService<Board>(),
            sp.GetRequiredService<IOptions<OccupancyOptions>>().Value,
            sp.GetRequiredService<OccupancyEstimator>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DoorContactFeed(
            sp.GetRequiredService<Kiosk.Edge.Doors.DoorRegistry>(),
            sp.GetRequiredService<OccupancyEstimator>()));
        services.AddPinClaims<OccupancyOptions>(PinClaims);
        services.AddHostedService<OccupancyMonitor>();
        services.AddSingleton<TelemetrySource, OccupancyTelemetry>();
        services.TryAddSingleton<SimulatedInputs>();
        services.AddSingleton<ControlOperation, SimBeamOperation>();
        services.AddSingleton<ControlOperation, SimPresenceOperation>();
        return services;
    }

    private static IEnumerable<PinClaim> PinClaims(OccupancyOptions options)
    {
        foreach (var (id, cabin) in options.Cabins)
        {
            foreach (var (name, pin) in new[] { ("BeamAPin", cabin.BeamAPin), ("BeamBPin", cabin.BeamBPin), ("PresencePin", cabin.PresencePin) })
            {
                if (pin is { } p)
                {
                    yield return new PinClaim($"Occupancy:Cabins:{id}:{name}", p);
                }
            }
        }
    }
}
