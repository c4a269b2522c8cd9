using System.Security.Claims;
using System.Text.Json;
using Kiosk.Fleet.Accounts;
using Kiosk.Fleet.Api;
using Kiosk.Fleet.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Commands;

/// <summary>
/// <c>POST /api/commands/{name}</c> with <c>{"kiosks":[...]}</c> or <c>{"district":...}</c> and the
/// command's <c>arguments</c>: every kiosk is checked first (one bad kiosk or argument refuses the
/// whole request, nothing sent), then the command goes to each, a few at a time, with a result per kiosk.
/// </summary>
internal static class BulkCommandEndpoints
{
    public static void MapBulkCommandEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/commands/{name}", SendAsync).WithTags("commands").RequireAuthorization(FleetRoles.CanOperate);

    private static async Task<Results<Ok<BulkCommandResponse>, ValidationProblem, ProblemHttpResult>> SendAsync(
        string name, BulkCommandRequest body, ClaimsPrincipal user, FleetDb db, CommandDispatch dispatch, IOptions<CommandsOptions> options, CancellationToken cancellationToken)
    {
        if (!CommandCatalog.Names.Contains(name))
        {
            return ApiErrors.NotFound("name", $"unknown command '{name}' (commands: {string.Join(", ", CommandCatalog.Names)})");
        }

        if ((body.Kiosks is null) == (body.District is null))
        {
            return ApiErrors.BadRequest("kiosks", "give exactly one of 'kiosks' (a list of kiosk ids) or 'district'");
        }

        List<KioskRow> kiosks;
        if (body.Kiosks is { } ids)
        {
            if (ids.Count == 0 || ids.Count > options.Value.BulkMax)
            {
                return ApiErrors.BadRequest("kiosks", $"must list 1 to {options.Value.BulkMax} kiosk ids");
            }

            var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
            kiosks = await db.Kiosks.AsNoTracking().Where(k => distinct.Contains(k.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (distinct.FirstOrDefault(i => kiosks.All(k => k.Id != i)) is { } unknown)
            {
                return ApiErrors.NotFound("kiosks", $"kiosk '{unknown}' is unknown");
            }
        }
        else
        {
            kiosks = await db.Kiosks.AsNoTracking().Where(k => k.District == body.District).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (kiosks.Count == 0)
            {
                return ApiErrors.NotFound("district", $"no kiosk in district '{body.District}'");
            }
        }

        using var arguments = JsonSerializer.SerializeToDocument(body.Arguments ?? [], FleetApiJsonContext.Default.JsonObject);
        foreach (var kiosk in kiosks)
        {
            if (CommandDispatch.Check(kiosk, name, arguments.RootElement) is { } bad)
            {
                return ApiErrors.BadRequest(bad.Field == "body" ? "arguments" : $"arguments.{bad.Field}", $"{bad.Error} (kiosk {kiosk.Id})");
            }
        }

        var results = new BulkCommandResult[kiosks.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, kiosks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.BulkParallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var outcome = await dispatch.SendAsync(kiosks[i].Id, name, arguments.RootElement, user, ct).ConfigureAwait(false);
                results[i] = new BulkCommandResult(kiosks[i].Id, outcome.HttpStatus, outcome.Status == CommandStatus.Ok, outcome.Result, outcome.Error);
            }).ConfigureAwait(false);
        return TypedResults.Ok(new BulkCommandResponse(name, results.Length, results.Count(r => r.Ok), results));
    }
}
