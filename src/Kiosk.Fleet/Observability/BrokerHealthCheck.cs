using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kiosk.Fleet.Observability;

/// <summary>Ready only while this instance holds a broker session (it cannot ingest or command without one).</summary>
internal sealed class BrokerHealthCheck(FleetMetrics metrics) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(metrics.Connected ? HealthCheckResult.Healthy("broker session up") : HealthCheckResult.Unhealthy("no broker session"));
}
