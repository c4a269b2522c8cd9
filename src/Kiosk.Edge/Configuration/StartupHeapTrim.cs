using Microsoft.Extensions.Hosting;

namespace Kiosk.Edge.Configuration;

/// <summary>
/// Once the host has started (READY=1 sent), one aggressive, compacting full collection
/// (<see cref="GCCollectionMode.Aggressive"/>): it frees what only the start needed (configuration binding,
/// the service container's call sites, JSON metadata) and gives the emptied GC regions back to the OS,
/// which the GC otherwise keeps committed for later allocations. Measured in docs/deployment.md
/// ("Memory of the Native AOT build"); a blocking collection of a few-megabyte heap, once.
/// </summary>
internal sealed class StartupHeapTrim(IHostApplicationLifetime lifetime) : IHostedService
{
    private CancellationTokenRegistration _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStarted.Register(Trim);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _registration.Dispose();
        return Task.CompletedTask;
    }

    internal static void Trim() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
