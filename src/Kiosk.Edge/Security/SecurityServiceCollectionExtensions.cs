using Kiosk.Edge.Commands;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.TrustedTime;
using Kiosk.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Security;

internal static class SecurityServiceCollectionExtensions
{
    /// <summary>Trust store (reloadable), token validator, replay store (and its pruner), revocation list, rate limiter, pass authority and the revoke command.</summary>
    public static IServiceCollection AddKioskSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityOptions>, TrustStoreFileValidator>());
        services.AddTrustedClock(configuration);

        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<SecurityOptions>>().Value.ResolveTrustStorePath();
            var store = TrustStoreFile.Load(path);
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            TrustStoreLog.WarnExpiring(sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TrustStore).FullName!), store, now);
            return new CurrentTrustStore(store, path, now);
        });
        services.AddSingleton(sp =>
        {
            var security = sp.GetRequiredService<IOptions<SecurityOptions>>().Value;
            var kiosk = sp.GetRequiredService<IOptions<KioskOptions>>().Value;
            var trusted = sp.GetRequiredService<CurrentTrustStore>();
            return new TokenValidator(
                // The store in force when each token is checked: a reload (TrustStoreReloader) swaps it.
                () => trusted.Store,
                new TokenValidationOptions
                {
                    Audiences = [kiosk.Id, .. security.Audiences],
                    ClockSkew = security.ClockSkew,
                    MaxPassLifetime = security.MaxPassLifetime,
                    MaxCommandLifetime = security.MaxCommandLifetime,
                },
                // Every time-based token check runs against the trusted-time floor (docs/tokens.md).
                sp.GetRequiredService<TrustedClock>());
        });
        services.AddSingleton(sp => new ReplayStore(
            Path.Combine(sp.GetRequiredService<IOptions<KioskOptions>>().Value.StateDirectory, "replay.db"),
            sp.GetRequiredService<TrustedClock>()));
        services.AddHostedService<ReplayPruner>();
        services.AddSingleton(sp => new RevocationList(
            Path.Combine(sp.GetRequiredService<IOptions<KioskOptions>>().Value.StateDirectory, "revocations.db"),
            sp.GetRequiredService<IOptions<SecurityOptions>>().Value.RevokedTokenRetention,
            sp.GetRequiredService<TrustedClock>()));
        services.AddSingleton(sp =>
        {
            var security = sp.GetRequiredService<IOptions<SecurityOptions>>().Value;
            return new SubjectRateLimiter(security.RateLimitAttempts, security.RateLimitWindow, security.RateLimitMaxSubjects, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new PassAuthority(
            sp.GetRequiredService<TrustedTokenValidator>(),
            sp.GetRequiredService<RevocationList>(),
            sp.GetRequiredService<ReplayStore>(),
            sp.GetRequiredService<SubjectRateLimiter>(),
            sp.GetRequiredService<IOptions<SecurityOptions>>().Value.ClockSkew,
            sp.GetRequiredService<ILogger<PassAuthority>>()));
        services.AddSingleton<KioskCommand, RevokeCommand>();
        return services;
    }

    /// <summary>Reloading the trust store on SIGHUP and on a file change (<see cref="TrustStoreReloader"/>). Needs AddKioskSecurity and AddHealth.</summary>
    public static IServiceCollection AddTrustStoreReload(this IServiceCollection services)
    {
        services.AddHostedService<TrustStoreReloader>();
        return services;
    }
}
