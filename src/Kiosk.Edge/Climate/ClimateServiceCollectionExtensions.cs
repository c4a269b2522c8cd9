using Kiosk.Edge.Climate.Simulation;
using Kiosk.Edge.Control;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Occupancy;
using Kiosk.Edge.Power;
using Kiosk.Edge.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Climate;

internal static class ClimateServiceCollectionExtensions
{
    /// <summary>Cabin climate: sensors per cabin, CPU temperature, alarms, state, telemetry, the climate check and sim.climate.</summary>
    public static IServiceCollection AddClimate(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClimateOptions>().Bind(configuration.GetSection(ClimateOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClimateOptions>, ClimateOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClimateOptions>, ClimateOptionsChecks>());

        services.TryAddSingleton<SimulatedI2cBus>();
        services.TryAddSingleton(sp => sp.GetRequiredService<Board>().Simulation is null
            ? I2cBusFactory.Hardware()
            : I2cBusFactory.Simulated(sp.GetRequiredService<SimulatedI2cBus>()));
        services.AddSingleton<SimulatedClimate>();
        services.TryAddSingleton<CabinHeadcount>(sp => new EstimatorCabinHeadcount(sp.GetRequiredService<OccupancyEstimator>()));
        services.TryAddSingleton<CircuitDraw>(sp => new GuardCircuitDraw(sp.GetRequiredService<PowerGuard>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ClimateOptions>>().Value;
            var board = sp.GetRequiredService<Board>();
            var simulated = sp.GetRequiredService<SimulatedClimate>();
            var time = sp.GetRequiredService<TimeProvider>();
            return new ClimateMonitor(
                options,
                ClimateHardware.Build(options, board, sp.GetRequiredService<I2cBusFactory>(), sp.GetRequiredService<SimulatedI2cBus>(), simulated, time),
                ClimateHardware.Cpu(options, board, simulated),
                sp.GetRequiredService<CabinHeadcount>(),
                sp.GetRequiredService<CircuitDraw>(),
                sp.GetRequiredService<EventJournal>(),
                sp.GetRequiredService<StateBoard>(),
                time,
                sp.GetRequiredService<ILogger<ClimateMonitor>>());
        });
        services.AddHostedService(sp => sp.GetRequiredService<ClimateMonitor>());
        services.AddSingleton<TelemetrySource, ClimateTelemetry>();
        services.AddSingleton<DiagnosticCheck, ClimateCheck>();
        services.AddSingleton<ControlOperation, SimClimateOperation>();
        return services;
    }
}
