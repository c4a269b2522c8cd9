namespace Kiosk.IntegrationTests.Infrastructure;

/// <summary>A broker a test can start, stop (like an outage) and start again on the same loopback port.</summary>
public abstract class TestBroker : IAsyncDisposable
{
    public string Host => "127.0.0.1";

    public int Port { get; protected set; }

    public abstract string Name { get; }

    public abstract Task StartAsync();

    public abstract Task StopAsync();

    public abstract ValueTask DisposeAsync();

    public override string ToString() => $"{Name} on {Host}:{Port}";
}
