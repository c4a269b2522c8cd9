using Kiosk.Edge.Commands;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Control;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Power.Simulation;
using Kiosk.Edge.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Power;

internal static class PowerServiceCollectionExtensions
{
    /// <summary>The power guard: circuits, meters, protection, energy, saving, the power command and sim.load.</summary>
    public static IServiceCollection AddPower(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PowerOptions>().Bind(configuration.GetSection(PowerOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PowerOptions>, PowerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PowerOptions>, PowerOptionsChecks>());

        services.AddPinClaims<PowerOptions>(PinClaims);
        services.TryAddSingleton<SimulatedI2cBus>();
        services.TryAddSingleton(sp => sp.GetRequiredService<Board>().Simulation is null
            ? I2cBusFactory.Hardware()
            : I2cBusFactory.Simulated(sp.GetRequiredService<SimulatedI2cBus>()));
        services.AddSingleton<SimulatedPlant>();
        // The occupancy feature may register its own estimate; door events stand in until then.
        services.TryAddSingleton<OccupancySignal>(sp => new DoorOccupancySignal(sp.GetRequiredService<EventJournal>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new EnergyStore(Path.Combine(sp.GetRequiredService<IOptions<KioskOptions>>().Value.StateDirectory, "power.db")));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PowerOptions>>().Value;
            // Every feature's lines are checked together before any relay line is opened.
            _ = sp.GetRequiredService<PinRegistry>();
            var time = sp.GetRequiredService<TimeProvider>();
            var circuits = PowerHardware.Build(
                options,
                sp.GetRequiredService<Board>(),
                sp.GetRequiredService<I2cBusFactory>(),
                sp.GetRequiredService<SimulatedI2cBus>(),
                sp.GetRequiredService<SimulatedPlant>(),
                time);
            return new PowerGuard(
                options,
                circuits,
                sp.GetRequiredService<EventJournal>(),
                sp.GetRequiredService<StateBoard>(),
                sp.GetRequiredService<OccupancySignal>(),
                sp.GetRequiredService<EnergyStore>(),
                time,
                sp.GetRequiredService<ILogger<PowerGuard>>());
        });
        services.AddHostedService(sp => sp.GetRequiredService<PowerGuard>());
        services.AddSingleton<KioskCommand, PowerCommand>();
        services.AddSingleton<TelemetrySource, PowerTelemetry>();
        services.AddSingleton<ControlOperation, SimLoadOperation>();
        services.AddSingleton<ControlOperation, SimMeterOperation>();
        return services;
    }

    private static IEnumerable<PinClaim> PinClaims(PowerOptions options)
    {
        foreach (var (id, circuit) in options.Circuits)
        {
            yield return new PinClaim($"{PowerOptions.Section}:Circuits:{id}:RelayPin", circuit.RelayPin);
        }

        foreach (var (name, meter) in options.Meters)
        {
            if (meter.Kind == MeterKind.S0 && meter.Pin is { } pin)
            {
                yield return new PinClaim($"{PowerOptions.Section}:Meters:{name}:Pin", pin);
            }
        }
    }
}
