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
        string id, string? since, string? until, string? type, string? door, string? limit, FleetDb db, CancellationToken cancellationToken)
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
        if (limit is not null && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) && take is >= 1 and <= EventFilter.MaxLimit))
        {
            return ApiErrors.BadRequest("limit", "must be an integer from 1 to 1000");
        }

        var rows = await EventQueries.ListAsync(db, id, new EventFilter(from, to, type, door, take), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(rows.Select(r => KioskViews.Parse(r.Payload)!).ToList());
    }

    private static async Task<Results<JsonHttpResult<CommandReplyDto>, ValidationProblem, ProblemHttpResult>> CommandAsync(
        string id, string name, HttpRequest request, ClaimsPrincipal user, OperatorCommands commands, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return ApiErrors.BadRequest("body", error!);
        }

        using (body)
        {
            var attempt = await commands.SendAsync(user, id, name, body.RootElement, cancellationToken).ConfigureAwait(false);
            return attempt switch
            {
                { Status: CommandAttemptStatus.Sent, Outcome: { Status: CommandStatus.Unreachable } } =>
                    TypedResults.Problem(title: "the fleet service has no broker session", statusCode: StatusCodes.Status503ServiceUnavailable),
                { Status: CommandAttemptStatus.Sent, Outcome: { } outcome } =>
                    TypedResults.Json(new CommandReplyDto(outcome.Status == CommandStatus.Ok, outcome.Result, outcome.Error), FleetApiJsonContext.Default.CommandReplyDto, statusCode: outcome.HttpStatus),
                { Status: CommandAttemptStatus.UnknownKiosk or CommandAttemptStatus.UnknownCommand } => ApiErrors.NotFound(attempt.Field!, attempt.Error!),
                { Status: CommandAttemptStatus.Forbidden } => ApiErrors.Forbidden(attempt.Error!),
                _ => ApiErrors.BadRequest(attempt.Field!, attempt.Error!),
            };
        }
    }
}
