namespace Kiosk.IntegrationTests.Contract;

/// <summary>
/// A kiosk under the contract suite, seen only over MQTT: the real kiosk-edge service process, or a simulated kiosk
/// of Kiosk.FleetSim. Beyond MQTT a subject offers what a person on site does: press the exit button, switch off.
/// </summary>
public abstract class ContractSubject : IAsyncDisposable
{
    /// <summary>The kiosk id: MQTT client id, topic level and token audience.</summary>
    public abstract string Id { get; }

    /// <summary>Someone presses the exit button of <paramref name="door"/> (a <c>door.opened</c> via <c>exit</c>).</summary>
    public abstract Task PressExitAsync(string door);

    /// <summary>A clean shutdown (SIGTERM for the service).</summary>
    public abstract Task StopAsync();

    public abstract ValueTask DisposeAsync();
}
