namespace Kiosk.Tests.Messaging;

/// <summary>The AsyncAPI document and the MQTT page name every command, event type and reason of contract v1.</summary>
public sealed class ContractDocumentTests
{
    public static TheoryData<string> ContractNames =>
    [
        "unlock", "lock", "mode", "power", "announce", "ack_help", "diag", "revoke",
        "system.started", "door.opened", "door.closed", "door.denied", "door.held_open", "door.forced_open", "door.mode",
        "steward.checkin", "steward.checkout", "power.trip", "power.restored", "power.lockout", "power.sensor_fault",
        "occupancy.full", "occupancy.welfare_check", "intercom.help", "intercom.announced", "diag.result", "events.dropped",
        "malformed", "too_large", "unsupported_alg", "unknown_key", "bad_signature", "wrong_issuer", "wrong_audience",
        "expired", "not_yet_valid", "lifetime_too_long", "replayed", "revoked", "role_forbidden", "unknown_door",
        "out_of_service", "full", "rate_limited", "unknown_command", "bad_arguments",
        "kiosk/{kioskId}/status", "kiosk/{kioskId}/state", "kiosk/{kioskId}/telemetry", "kiosk/{kioskId}/events",
        "kiosk/{kioskId}/cmd/{command}", "kiosk/{kioskId}/reply/{requestId}",
    ];

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void AsyncApi_ContractName_Documented(string name) =>
        Assert.Contains(name, File.ReadAllText(Path.Combine(Root(), "docs", "asyncapi.yaml")), StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(ContractNames))]
    public void MqttPage_ContractName_Documented(string name) =>
        Assert.Contains(name.Replace("{kioskId}", "{id}", StringComparison.Ordinal).Replace("/{command}", "/{name}", StringComparison.Ordinal).Replace("/{requestId}", "/{request id}", StringComparison.Ordinal), File.ReadAllText(Path.Combine(Root(), "docs", "mqtt.md")), StringComparison.Ordinal);

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kiosk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kiosk.sln not found");
    }
}
