namespace Kiosk.Edge.Diagnostics;

/// <summary>When the service started, on the injected clock (created eagerly at start by DI).</summary>
internal sealed class ServiceStart(TimeProvider time)
{
    public long Timestamp { get; } = time.GetTimestamp();

    public DateTimeOffset At { get; } = time.GetUtcNow();
}
