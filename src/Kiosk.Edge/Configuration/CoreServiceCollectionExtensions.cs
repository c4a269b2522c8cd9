using Kiosk.Edge.Commands;
using Kiosk.Edge.Control;
using Kiosk.Edge.Events;
using Kiosk.Edge.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Configuration;

internal static class CoreServiceCollectionExtensions
{
    /// <summary>Identity, event journal, state board, command routing and the control socket.</summary>
    public static IServiceCollection AddKioskCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KioskOptions>().Bind(configuration.GetSection(KioskOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KioskOptions>, KioskOptionsValidator>());
        services.AddOptions<EventJournalOptions>().Bind(configuration.GetSection(EventJournalOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EventJournalOptions>, EventJournalOptionsValidator>());
        services.AddOptions<ControlOptions>().Bind(configuration.GetSection(ControlOptions.Section)).ValidateOnStart();

        services.AddSingleton<EventJournal>();
        services.AddHostedService<StartupRecorder>();
        services.AddSingleton<StateBoard>();
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<ControlServer>();
        services.AddHostedService(sp => sp.GetRequiredService<ControlServer>());
        services.AddSingleton<ControlOperation, StatusOperation>();
        services.AddSingleton<ControlOperation, EventsOperation>();
        services.AddSingleton<ControlOperation, SimGpioOperation>();
        return services;
    }
}
