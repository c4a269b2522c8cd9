using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kiosk.Edge.Hardware;

/// <summary>
/// Builds the <see cref="PinRegistry"/> when the host starts, so a bad or doubly used line stops
/// the service at start even when no feature has asked for its lines yet.
/// </summary>
internal sealed class PinMapCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<PinRegistry>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
