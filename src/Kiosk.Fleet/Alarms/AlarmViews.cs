using Kiosk.Fleet.Api;
using Kiosk.Fleet.Storage;

namespace Kiosk.Fleet.Alarms;

internal static class AlarmViews
{
    public static AlarmDto Dto(AlarmRow a) => new(
        a.Id,
        a.KioskId,
        a.Type,
        new DateTimeOffset(a.Raised),
        a.Detail,
        a.AcknowledgedBy,
        a.AcknowledgedAt is { } ack ? new DateTimeOffset(ack) : null,
        a.Closed is { } closed ? new DateTimeOffset(closed) : null,
        a.Notifications);
}
