using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Kiosk.Fleet.Accounts;
using Kiosk.Fleet.Api;
using Kiosk.Fleet.Commands;
using Kiosk.Fleet.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Kiosks;

/// <summary><c>/api/kiosks</c>: the fleet, one kiosk, its events and telemetry, and commands to it.</summary>
internal static class KioskEndpoints
{
    public static void MapKioskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/kiosks").WithTags("kiosks");
        group.MapGet("/", ListAsync).RequireAuthorization(FleetRoles.CanView);
        group.MapGet("/{id}", GetAsync).RequireAuthorization(FleetRoles.CanView);
        group.MapGet("/{id}/events", EventsAsync).RequireAuthorization(FleetRoles.CanView);
        group.MapGet("/{id}/telemetry", TelemetryEndpoint.GetAsync).RequireAuthorization(FleetRoles.CanView);
        group.MapPost("/{id}/commands/{name}", CommandAsync).RequireAuthorization(FleetRoles.CanOperate)
            .Accepts<JsonObject>("application/json")
            .Produces<CommandReplyDto>(StatusCodes.Status200OK)
            .Produces<CommandReplyDto>(StatusCodes.Status409Conflict)
            .Produces<CommandReplyDto>(StatusCodes.Status504GatewayTimeout)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    internal static async Task<Dictionary<string, List<string>>> OpenAlarmsAsync(FleetDb db, string? kioskId, CancellationToken cancellationToken) =>
        (await db.Alarms.Where(a => a.Closed == null && (kioskId == null || a.KioskId == kioskId))
            .Select(a => new { a.KioskId, a.Type })
            .ToListAsync(cancellationToken).ConfigureAwait(false))
        .GroupBy(a => a.KioskId)
        .ToDictionary(g => g.Key, g => g.Select(a => a.Type).Distinct().Order(StringComparer.Ordinal).ToList());

    private static async Task<Ok<List<KioskSummary>>> ListAsync(FleetDb db, CancellationToken cancellationToken)
    {
        var kiosks = await db.Kiosks.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var alarms = await OpenAlarmsAsync(db, null, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(kiosks.Select(k => KioskViews.Summary(k, alarms.GetValueOrDefault(k.Id) ?? [])).ToList());
    }

    private static async Task<Results<Ok<KioskDetail>, ProblemHttpResult>> GetAsync(string id, FleetDb db, CancellationToken cancellationToken)
    {
        var kiosk = await db.Kiosks.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false);
        if (kiosk is null)
        {
            return ApiErrors.NotFound("id", $"kiosk '{id}' is unknown");
        }

        var alarms = await OpenAlarmsAsync(db, id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(KioskViews.Detail(kiosk, alarms.GetValueOrDefault(id) ?? []));
    }

    private static async Task<Results<Ok<List<JsonNode>>, ValidationProblem, ProblemHttpResult>> EventsAsync(
        string id, string? since, string? until, string? type, string? limit, FleetDb db, CancellationToken cancellationToken)
    {
        if (!await db.Kiosks.AnyAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiErrors.NotFound("id", $"kiosk '{id}' is unknown");
        }

        if (QueryTime.Parse(since, "since", out var from) is { } badSince)
        {
            return badSince;
        }

        if (QueryTime.Parse(until, "until", out var to) is { } badUntil)
        {
            return badUntil;
        }

        var take = 100;
        if (limit is not null && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) && take is >= 1 and <= 1000))
        {
            return ApiErrors.BadRequest("limit", "must be an integer from 1 to 1000");
        }

        var query = db.Events.AsNoTracking().Where(e => e.KioskId == id);
        if (from is { } f)
        {
            query = query.Where(e => e.Ts >= f);
        }

        if (to is { } t)
        {
            query = query.Where(e => e.Ts < t);
        }

        if (!string.IsNullOrEmpty(type))
        {
            query = query.Where(e => e.Type == type);
        }

        var rows = await query.OrderByDescending(e => e.Ts).ThenByDescending(e => e.Seq).Take(take).Select(e => e.Payload).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(rows.Select(r => KioskViews.Parse(r)!).ToList());
    }

    private static async Task<Results<JsonHttpResult<CommandReplyDto>, ValidationProblem, ProblemHttpResult>> CommandAsync(
        string id, string name, HttpRequest request, ClaimsPrincipal user, FleetDb db, CommandDispatch dispatch, CancellationToken cancellationToken)
    {
        var kiosk = await db.Kiosks.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false);
        if (kiosk is null)
        {
            return ApiErrors.NotFound("id", $"kiosk '{id}' is unknown");
        }

        if (!CommandCatalog.Names.Contains(name))
        {
            return ApiErrors.NotFound("name", $"unknown command '{name}' (commands: {string.Join(", ", CommandCatalog.Names)})");
        }

        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return ApiErrors.BadRequest("body", error!);
        }

        using (body)
        {
            if (CommandDispatch.Check(kiosk, name, body.RootElement) is { } bad)
            {
                return ApiErrors.BadRequest(bad.Field, bad.Error);
            }

            var outcome = await dispatch.SendAsync(id, name, body.RootElement, user, cancellationToken).ConfigureAwait(false);
            return outcome.Status == CommandStatus.Unreachable
                ? TypedResults.Problem(title: "the fleet service has no broker session", statusCode: StatusCodes.Status503ServiceUnavailable)
                : TypedResults.Json(new CommandReplyDto(outcome.Status == CommandStatus.Ok, outcome.Result, outcome.Error), FleetApiJsonContext.Default.CommandReplyDto, statusCode: outcome.HttpStatus);
        }
    }
}
