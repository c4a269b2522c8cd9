using Kiosk.Edge.Control;
using Microsoft.Extensions.Hosting;
using Kiosk.Contract.Events;

namespace Kiosk.Edge.Events;

/// <summary>Records <c>system.started</c> once per start, so the fleet sees every restart (power cut, crash, upgrade).</summary>
internal sealed class StartupRecorder(EventJournal journal) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        journal.Append(new SystemStarted(StatusOperation.Version, journal.Boot));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
