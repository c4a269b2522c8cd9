using Kiosk.Fleet.Configuration;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Api;

/// <summary>
/// Refuses a body larger than <c>Fleet:MaxRequestBytes</c> before any endpoint runs: 413 naming
/// <c>body</c>, nothing changed. (Kestrel's own limit still stops a chunked body that grows past it.)
/// </summary>
internal sealed class BodyLimitMiddleware(RequestDelegate next, IOptions<FleetOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var max = options.Value.MaxRequestBytes;
        if (context.Request.ContentLength is { } length && length > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = $"body: larger than {max} bytes",
                    Extensions = { ["field"] = "body" },
                },
            }).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
