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
        services.AddSingleton<ScanQueue>();
        return services;
    }
}
