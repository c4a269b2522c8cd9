using Kiosk.Edge.Commands;

namespace Kiosk.Edge.Intercom;

/// <summary>One accepted announcement: a text to speak or a clip file (already resolved and checked).</summary>
internal sealed record Announcement(string? Text, string? ClipName, string? ClipPath, AnnouncementPriority Priority, int Volume, CommandVia Via)
{
    public string KindName => Text is not null ? "text" : "clip";

    public string PriorityName => Priority == AnnouncementPriority.Urgent ? "urgent" : "info";
}
