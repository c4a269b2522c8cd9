namespace Kiosk.Contract.Commands;

/// <summary>Result of <c>announce</c>: queued at a position, or suppressed (an info announcement in quiet hours).</summary>
/// <param name="Queued">Whether it will play.</param>
/// <param name="Position">Its place in the queue, from 1.</param>
/// <param name="Suppressed">Why it will not play: <c>quiet_hours</c>.</param>
public sealed record AnnounceResult(
    bool Queued,
    int? Position = null,
    string? Suppressed = null);
