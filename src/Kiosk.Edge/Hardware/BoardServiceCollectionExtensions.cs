using System.Diagnostics.CodeAnalysis;
using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware.Scanner;
using Kiosk.Edge.Hardware.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Hardware;

internal static class BoardServiceCollectionExtensions
{
    public static IServiceCollection AddBoard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BoardOptions>().Bind(configuration.GetSection(BoardOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BoardOptions>, BoardOptionsValidator>());
        services.AddSingleton<Board>();
        services.AddSingleton<PinRegistry>();
        // First, so a feature's pin on a bus pin is the one named as the second user.
        services.AddSingleton<PinClaimSource, BusPinClaimSource>();
        services.AddHostedService<PinMapCheck>();
        services.AddSingleton<ScanQueue>();

        services.AddOptions<ScannerOptions>().Bind(configuration.GetSection(ScannerOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScannerOptions>, ScannerOptionsValidator>());
        services.AddHostedService<SerialScanner>();
        services.AddSingleton<ControlOperation, SimScanOperation>();
        return services;
    }

    /// <summary>
    /// Declares the GPIO lines a feature takes from its options, each with its configuration key.
    /// All features' lines are checked together at start (on the chip, used once).
    /// </summary>
    /// <remarks>
    /// <typeparamref name="TOptions"/> carries the annotation <see cref="IOptions{TOptions}"/> declares (the options
    /// factory creates it through its public parameterless constructor), so trimming keeps that constructor.
    /// </remarks>
    public static IServiceCollection AddPinClaims<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IServiceCollection services, Func<TOptions, IEnumerable<PinClaim>> claims)
        where TOptions : class
    {
        services.AddSingleton<PinClaimSource>(sp => new OptionsPinClaimSource<TOptions>(sp.GetRequiredService<IOptions<TOptions>>(), claims));
        return services;
    }
}
