using Microsoft.Extensions.Hosting;

namespace Kiosk.Edge.Doors;

/// <summary>Starts the doors in their safe (locked) state and leaves them locked when the service stops.</summary>
internal sealed class DoorService(DoorRegistry doors) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        doors.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        doors.Stop();
        return Task.CompletedTask;
    }
}
