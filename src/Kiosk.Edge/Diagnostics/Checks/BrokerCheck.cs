using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary>
/// <c>broker</c>: a session with the fleet broker is up and answers a ping; the round trip is
/// reported. Down fails with the link's last error.
/// </summary>
internal sealed class BrokerCheck(BrokerProbe probe, TimeProvider time) : DiagnosticCheck
{
    private static readonly TimeSpan SlowRoundTrip = TimeSpan.FromSeconds(2);

    public override string Name => "broker";

    public override string Category => "network";

    public override async ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        if (!probe.IsConnected)
        {
            return CheckResult.Fail(
                $"not connected to {probe.Broker}{LastError()}",
                "check the network (ping the broker host), DNS, the firewall (port 8883), the TLS files (see the tls check) and the clock; events wait in the outbox meanwhile");
        }

        var started = time.GetTimestamp();
        var answered = await probe.PingAsync(cancellationToken).ConfigureAwait(false);
        var roundTrip = time.GetElapsedTime(started);
        if (!answered)
        {
            return CheckResult.Fail(
                $"connected to {probe.Broker} but the broker did not answer a ping{LastError()}",
                "the session is half-open: the link reconnects by itself; if this persists check the network path to the broker");
        }

        var ms = $"{roundTrip.TotalMilliseconds:0} ms";
        return roundTrip > SlowRoundTrip
            ? CheckResult.Warn($"connected to {probe.Broker}, ping round trip {ms}", "the link is slow: check signal strength (cellular) or network load")
            : CheckResult.Pass($"connected to {probe.Broker}, ping round trip {ms}");
    }

    private string LastError()
    {
        var link = probe.LinkState as JsonObject;
        foreach (var key in new[] { "lastError", "error" })
        {
            if (link?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                return $" (last error: {v.GetValue<string>()})";
            }
        }

        return "";
    }
}
