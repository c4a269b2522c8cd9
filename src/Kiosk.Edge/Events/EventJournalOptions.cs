using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Events;

/// <summary>Bounds of the durable event store (configuration section <c>Events</c>).</summary>
public sealed class EventJournalOptions
{
    public const string Section = "Events";

    /// <summary>Unpublished events kept while offline; past this the oldest are dropped and counted.</summary>
    [Range(10, 10_000_000)]
    public int MaxPendingEvents { get; set; } = 100_000;

    /// <summary>Unpublished payload bytes kept while offline; past this the oldest are dropped and counted.</summary>
    [Range(10_000L, 4_000_000_000L)]
    public long MaxPendingBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Published events kept locally as the audit trail (for kioskctl events).</summary>
    [Range(0, 10_000_000)]
    public int AuditRetention { get; set; } = 50_000;
}
