using System.Security.Claims;
using Kiosk.Fleet.Accounts;
using Kiosk.Fleet.Api;
using Kiosk.Fleet.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Alarms;

/// <summary><c>/api/alarms</c>: list by state; acknowledge (who and when are recorded).</summary>
internal static class AlarmEndpoints
{
    public static void MapAlarmEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/alarms").WithTags("alarms");
        group.MapGet("/", ListAsync).RequireAuthorization(FleetRoles.CanView);
        group.MapPost("/{id:long}/ack", AcknowledgeAsync).RequireAuthorization(FleetRoles.CanOperate);
    }

    private static async Task<Results<Ok<List<AlarmDto>>, ValidationProblem>> ListAsync(string? state, string? kiosk, FleetDb db, CancellationToken cancellationToken)
    {
        var query = db.Alarms.AsNoTracking();
        query = state switch
        {
            null or "" => query,
            "open" => query.Where(a => a.Closed == null && a.AcknowledgedAt == null),
            "acknowledged" => query.Where(a => a.Closed == null && a.AcknowledgedAt != null),
            "closed" => query.Where(a => a.Closed != null),
            _ => null!,
        };
        if (query is null)
        {
            return ApiErrors.BadRequest("state", "must be open, acknowledged or closed");
        }

        if (!string.IsNullOrEmpty(kiosk))
        {
            query = query.Where(a => a.KioskId == kiosk);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(1000).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(rows.Select(AlarmViews.Dto).ToList());
    }

    private static async Task<Results<Ok<AlarmDto>, ProblemHttpResult>> AcknowledgeAsync(long id, ClaimsPrincipal user, FleetDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var alarm = await db.Alarms.FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (alarm is null)
        {
            return ApiErrors.NotFound("id", $"alarm {id} is unknown");
        }

        if (alarm.AcknowledgedAt is not null)
        {
            return ApiErrors.Conflict("id", $"alarm {id} was already acknowledged by {alarm.AcknowledgedBy}");
        }

        var now = time.GetUtcNow().UtcDateTime;
        alarm.AcknowledgedBy = user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        alarm.AcknowledgedAt = now;
        if (AlarmRules.ClosesOnAck(alarm.Type) || alarm.Closed is not null)
        {
            alarm.Closed ??= now;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(AlarmViews.Dto(alarm));
    }
}
