using Kiosk.Edge.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.Edge.Access;

internal static class AccessServiceCollectionExtensions
{
    /// <summary>The pass decision for the scanner and the remote unlock command.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddSingleton<AccessDecider>();
        services.AddSingleton<ScanProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<ScanProcessor>());
        services.AddSingleton<KioskCommand, UnlockCommand>();
        return services;
    }
}
