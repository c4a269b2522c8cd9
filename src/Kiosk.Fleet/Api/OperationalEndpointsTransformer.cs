using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kiosk.Fleet.Api;

/// <summary>
/// <c>/healthz</c> and <c>/metrics</c> are not minimal API handlers (health checks and the Prometheus
/// exporter map their own middleware), so the OpenAPI document gets them here: every endpoint is in it.
/// </summary>
internal static class OperationalEndpointsTransformer
{
    public static Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= [];
        document.Paths["/healthz"] = Get("health", "Liveness and readiness: the database and this instance's broker session", ("200", "Healthy"), ("503", "Unhealthy"));
        document.Paths["/metrics"] = Get("metrics", "Prometheus text exposition: ingest rate and lag, kiosks online, command latency", ("200", "Metrics"));
        return Task.CompletedTask;
    }

    private static OpenApiPathItem Get(string tag, string summary, params (string Code, string Description)[] responses)
    {
        var operation = new OpenApiOperation { Summary = summary, Tags = new HashSet<OpenApiTagReference> { new(tag) }, Responses = [] };
        foreach (var (code, description) in responses)
        {
            operation.Responses[code] = new OpenApiResponse { Description = description };
        }

        return new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } };
    }
}
