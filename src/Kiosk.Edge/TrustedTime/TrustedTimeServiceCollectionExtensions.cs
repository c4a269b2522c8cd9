using Kiosk.Edge.Configuration;
using Kiosk.Edge.Events;
using Kiosk.Edge.Health;
using Kiosk.Edge.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.TrustedTime;

internal static class TrustedTimeServiceCollectionExtensions
{
    /// <summary>The trusted clock (floor), its store and the token validation on it; AddKioskSecurity calls it.</summary>
    public static IServiceCollection AddTrustedClock(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClockOptions>().Bind(configuration.GetSection(ClockOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClockOptions>, ClockOptionsValidator>());
        services.AddSingleton(sp => new TrustedTimeStore(
            Path.Combine(sp.GetRequiredService<IOptions<KioskOptions>>().Value.StateDirectory, TrustedTimeStore.FileName)));
        services.AddSingleton(sp => new TrustedClock(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<TrustedTimeStore>().Load(),
            sp.GetRequiredService<IOptions<ClockOptions>>().Value.MaxIatLead));
        services.AddSingleton(sp =>
        {
            var security = sp.GetRequiredService<IOptions<SecurityOptions>>().Value;
            return new ClockAheadDetector(sp.GetRequiredService<TimeProvider>(), security.MaxPassLifetime + security.ClockSkew);
        });
        services.AddSingleton<TrustedTokenValidator>();
        return services;
    }

    /// <summary>Saving and reporting the trusted time (clock.behind, clock.ahead, the clock health entry). Needs AddKioskSecurity and AddHealth.</summary>
    public static IServiceCollection AddTrustedTimeKeeper(this IServiceCollection services)
    {
        services.AddHostedService(sp => new TrustedTimeKeeper(
            sp.GetRequiredService<TrustedClock>(),
            sp.GetRequiredService<ClockAheadDetector>(),
            sp.GetRequiredService<TrustedTimeStore>(),
            sp.GetRequiredService<EventJournal>(),
            sp.GetRequiredService<HealthMonitor>(),
            sp.GetRequiredService<IOptions<ClockOptions>>().Value,
            sp.GetRequiredService<IOptions<SecurityOptions>>().Value.ClockSkew,
            sp.GetRequiredService<ILogger<TrustedTimeKeeper>>()));
        return services;
    }
}
