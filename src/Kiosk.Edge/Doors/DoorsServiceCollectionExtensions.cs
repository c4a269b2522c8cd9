using Kiosk.Edge.Commands;
using Kiosk.Edge.Control;
using Kiosk.Edge.Doors.Commands;
using Kiosk.Edge.Doors.Simulation;
using Kiosk.Edge.Events;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Doors;

internal static class DoorsServiceCollectionExtensions
{
    public static IServiceCollection AddDoors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DoorsOptions>().Bind(configuration.GetSection(DoorsOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DoorsOptions>, DoorsOptionsValidator>());
        services.AddPinClaims<DoorsOptions>(DoorFactory.Claims);
        services.AddSingleton(sp => DoorFactory.Create(
            sp.GetRequiredService<IOptions<DoorsOptions>>().Value,
            sp.GetRequiredService<Board>(),
            sp.GetRequiredService<PinRegistry>(),
            sp.GetRequiredService<EventJournal>(),
            sp.GetRequiredService<StateBoard>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<DoorService>();
        services.AddSingleton<KioskCommand, LockCommand>();
        services.AddSingleton<KioskCommand, ModeCommand>();
        services.AddSingleton<ControlOperation, SimPressOperation>();
        services.AddSingleton<ControlOperation, SimDoorOperation>();
        return services;
    }
}
