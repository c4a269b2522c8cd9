namespace Kiosk.Edge.Intercom;

public enum AnnouncementPriority
{
    Info,
    Urgent,
}
