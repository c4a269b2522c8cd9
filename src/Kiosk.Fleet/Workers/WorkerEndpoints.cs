using System.Security.Claims;
using System.Text.Json;
using Kiosk.Fleet.Accounts;
using Kiosk.Fleet.Api;
using Kiosk.Fleet.Commands;
using Kiosk.Fleet.Kiosks;
using Kiosk.Fleet.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Workers;

/// <summary>The phone flow: worker login, open a door, a pass for the kiosk's own scanner; and disabling a worker.</summary>
internal static partial class WorkerEndpoints
{
    public static void MapWorkerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/workers/login", LoginAsync).WithTags("workers").AllowAnonymous();
        app.MapPost("/api/workers/{sub}/disable", DisableAsync).WithTags("workers").RequireAuthorization(FleetRoles.CanAdminister);
        app.MapPost("/api/open", OpenAsync).WithTags("phone").RequireAuthorization(FleetRoles.IsWorker)
            .Produces<CommandReplyDto>(StatusCodes.Status200OK)
            .Produces<CommandReplyDto>(StatusCodes.Status409Conflict)
            .Produces<CommandReplyDto>(StatusCodes.Status504GatewayTimeout);
        app.MapPost("/api/passes", PassAsync).WithTags("phone").RequireAuthorization(FleetRoles.IsWorker);
        app.MapGet("/k/{id}", MobilePage.Render).WithTags("phone").AllowAnonymous();
    }

    private static async Task<Results<SignInHttpResult, Accepted<WorkerLoginPending>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        WorkerLoginRequest body, FleetDb db, WorkerIdentity identity, IOptions<WorkerOptions> options, IHostEnvironment environment, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (WorkerIdentity.Normalise(body.Phone) is not { } phone)
        {
            return ApiErrors.BadRequest("phone", "must be a phone number: an optional '+' and 6 to 20 digits");
        }

        var phoneHash = identity.PhoneHash(phone);
        var now = time.GetUtcNow().UtcDateTime;
        var pending = await db.LoginCodes.FirstOrDefaultAsync(c => c.PhoneHash == phoneHash, cancellationToken).ConfigureAwait(false);
        if (body.Code is null)
        {
            if (!environment.IsDevelopment())
            {
                return TypedResults.Problem(title: "no identity provider is configured: worker login codes are only printed in Development", statusCode: StatusCodes.Status501NotImplemented);
            }

            var code = WorkerIdentity.NewCode();
            if (pending is null)
            {
                pending = new LoginCode { PhoneHash = phoneHash, CodeHash = "" };
                db.LoginCodes.Add(pending);
            }

            pending.CodeHash = identity.CodeHash(phoneHash, code);
            pending.Expires = now + options.Value.CodeLifetime;
            pending.Attempts = 0;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            // Development stands in for the identity provider: the code goes to the log, the phone number never does.
            LogDevelopmentCode(loggers.CreateLogger("Kiosk.Fleet.Workers"), identity.Subject(phone), code);
            return TypedResults.Accepted((string?)null, new WorkerLoginPending(true, (int)options.Value.CodeLifetime.TotalSeconds));
        }

        if (pending is null || pending.Expires < now || pending.Attempts >= options.Value.CodeAttempts)
        {
            return ApiErrors.BadRequest("code", "no valid code is pending for this phone: ask for a new one");
        }

        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(pending.CodeHash), System.Text.Encoding.ASCII.GetBytes(identity.CodeHash(phoneHash, body.Code))))
        {
            pending.Attempts++;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return ApiErrors.BadRequest("code", "is not the code that was sent");
        }

        db.LoginCodes.Remove(pending);
        var sub = identity.Subject(phone);
        var account = await db.Workers.FirstOrDefaultAsync(w => w.PhoneHash == phoneHash, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            account = new WorkerAccount { Sub = sub, PhoneHash = phoneHash, Created = now };
            db.Workers.Add(account);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (account.Disabled is not null)
        {
            return ApiErrors.Forbidden("this worker account is disabled");
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, account.Sub), new Claim(FleetRoles.WorkerClaim, account.Sub)], FleetRoles.WorkerScheme));
        return TypedResults.SignIn(principal, authenticationScheme: FleetRoles.WorkerScheme);
    }

    private static async Task<Results<JsonHttpResult<CommandReplyDto>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        OpenRequest body, ClaimsPrincipal user, FleetDb db, CommandSigner signer, CommandSender sender, CancellationToken cancellationToken)
    {
        var (worker, kiosk, problem) = await CheckAsync(body, user, db, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem switch
            {
                ValidationProblem v => v,
                ProblemHttpResult p => p,
                _ => throw new InvalidOperationException("unexpected problem type"),
            };
        }

        var pass = signer.Pass(kiosk!.Id, body.Door, worker!);
        using var arguments = JsonDocument.Parse(body.Door is null ? "{}" : JsonSerializer.Serialize(new OpenRequest(null, body.Door), FleetApiJsonContext.Default.OpenRequest));
        var outcome = await sender.SendAsync(kiosk.Id, Kiosk.Contract.Commands.CommandNames.Unlock, arguments.RootElement, pass, worker!, cancellationToken).ConfigureAwait(false);
        return outcome.Status == CommandStatus.Unreachable
            ? TypedResults.Problem(title: "the fleet service has no broker session", statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Json(new CommandReplyDto(outcome.Status == CommandStatus.Ok, outcome.Result, outcome.Error), FleetApiJsonContext.Default.CommandReplyDto, statusCode: outcome.HttpStatus);
    }

    private static async Task<Results<Ok<PassResponse>, ValidationProblem, ProblemHttpResult>> PassAsync(
        OpenRequest body, ClaimsPrincipal user, FleetDb db, CommandSigner signer, TimeProvider time, CancellationToken cancellationToken)
    {
        var (worker, kiosk, problem) = await CheckAsync(body, user, db, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem switch
            {
                ValidationProblem v => v,
                ProblemHttpResult p => p,
                _ => throw new InvalidOperationException("unexpected problem type"),
            };
        }

        var pass = signer.Pass(kiosk!.Id, body.Door, worker!);
        return TypedResults.Ok(new PassResponse(kiosk.Id, body.Door, pass, time.GetUtcNow() + signer.PassLifetime));
    }

    private static async Task<Results<Ok<DisableWorkerResponse>, ProblemHttpResult>> DisableAsync(
        string sub, ClaimsPrincipal user, FleetDb db, RevocationSender revocations, TimeProvider time, CancellationToken cancellationToken)
    {
        var account = await db.Workers.FirstOrDefaultAsync(w => w.Sub == sub, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            return ApiErrors.NotFound("sub", $"worker '{sub}' is unknown");
        }

        var now = time.GetUtcNow().UtcDateTime;
        account.Disabled ??= now;
        if (!await db.Revocations.AnyAsync(r => r.Sub == sub, cancellationToken).ConfigureAwait(false))
        {
            db.Revocations.Add(new Revocation { Sub = sub, Created = now, By = user.Identity?.Name ?? "admin" });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        revocations.EnqueueAll();
        var online = await db.Kiosks.CountAsync(k => k.Online, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new DisableWorkerResponse(sub, new DateTimeOffset(account.Disabled.Value), online));
    }

    /// <summary>The worker (enabled) and the kiosk (known, with that door), or the problem to answer.</summary>
    private static async Task<(string? Worker, KioskRow? Kiosk, IResult? Problem)> CheckAsync(OpenRequest body, ClaimsPrincipal user, FleetDb db, CancellationToken cancellationToken)
    {
        var sub = user.FindFirstValue(FleetRoles.WorkerClaim);
        if (sub is null || await db.Workers.AnyAsync(w => w.Sub == sub && w.Disabled != null, cancellationToken).ConfigureAwait(false))
        {
            return (null, null, ApiErrors.Forbidden("this worker account is disabled"));
        }

        if (string.IsNullOrEmpty(body.Kiosk))
        {
            return (null, null, ApiErrors.BadRequest("kiosk", "is required"));
        }

        var kiosk = await db.Kiosks.AsNoTracking().FirstOrDefaultAsync(k => k.Id == body.Kiosk, cancellationToken).ConfigureAwait(false);
        if (kiosk is null)
        {
            return (null, null, ApiErrors.NotFound("kiosk", $"kiosk '{body.Kiosk}' is unknown"));
        }

        var doors = KioskViews.Doors(kiosk);
        if (body.Door is not null && (body.Door.Length is 0 or > 64 || (doors.Count > 0 && !doors.Contains(body.Door))))
        {
            return (null, null, ApiErrors.BadRequest("door", $"kiosk '{kiosk.Id}' has no door '{body.Door}' (doors: {string.Join(", ", doors)})"));
        }

        return (sub, kiosk, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development login code for worker {Sub}: {Code}")]
    private static partial void LogDevelopmentCode(ILogger logger, string sub, string code);
}
