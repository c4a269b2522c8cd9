using System.Security.Claims;
using Kiosk.Fleet.Accounts;
using Kiosk.Fleet.Api;
using Kiosk.Fleet.Storage;
using Kiosk.Fleet.Web.Live;
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

    private static async Task<Results<Ok<AlarmDto>, ProblemHttpResult>> AcknowledgeAsync(long id, ClaimsPrincipal user, FleetDb db, TimeProvider time, FleetChanges changes, CancellationToken cancellationToken)
    {
        var who = user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        var (alarm, refusal) = await AlarmStore.AcknowledgeAsync(db, id, who, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        if (alarm is null)
        {
            return refusal!.Conflict ? ApiErrors.Conflict("id", refusal.Message) : ApiErrors.NotFound("id", refusal.Message);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        changes.Publish(FleetChange.Of(FleetChangeKinds.Alarms, alarm.KioskId));
        return TypedResults.Ok(AlarmViews.Dto(alarm));
    }
}
