using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kiosk.Fleet.Alarms;
using Kiosk.Fleet.Api;
using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Kiosk.Fleet.Tests.Alarms;

/// <summary>An alarm raised from a kiosk event, escalated to a real webhook, acknowledged with who and when.</summary>
public abstract class AlarmTests(SharedServers servers, DatabaseProvider provider) : FleetTestBase(servers, provider)
{
    [Fact]
    public async Task Alarm_RaisedEscalatedAcknowledged()
    {
        var received = new ConcurrentQueue<JsonObject>();
        var hook = WebApplication.CreateBuilder();
        hook.WebHost.UseUrls("http://127.0.0.1:0");
        hook.Logging.ClearProviders();
        await using var webhook = hook.Build();
        webhook.MapPost("/hook", async (HttpRequest r) =>
        {
            received.Enqueue((await r.ReadFromJsonAsync<JsonObject>())!);
            return Results.Ok();
        });
        await webhook.StartAsync(Ct);

        var fleet = await StartFleetAsync(new Dictionary<string, string?>
        {
            ["Fleet:Alarms:EscalateAfter"] = "00:00:01",
            ["Fleet:Alarms:WebhookUrl"] = webhook.Urls.First() + "/hook",
        });
        var kiosk = await ConnectKioskAsync("alarm-0001");
        await kiosk.EventAsync(1, "door.forced_open", DateTimeOffset.UtcNow, new JsonObject { ["door"] = "rest" });
        var client = await fleet.OperatorAsync();
        var alarm = await Eventually.WaitAsync(async () => (await client.GetFromJsonAsync<List<AlarmDto>>("/api/alarms?state=open", Ct))!.SingleOrDefault(a => a.Kiosk == kiosk.Id), Wait, "the forced-open alarm");
        Assert.Equal(("door.forced_open", "rest"), (alarm.Type, alarm.Detail));

        // Not acknowledged within EscalateAfter: notified to the webhook.
        await Eventually.TrueAsync(() =>
        {
            fleet.Services.GetRequiredService<AlarmWatcher>().CheckAsync(CancellationToken.None).GetAwaiter().GetResult();
            return received.Any(a => a["id"]!.GetValue<long>() == alarm.Id);
        }, Wait, "the escalation webhook");

        var ack = await client.PostAsync($"/api/alarms/{alarm.Id}/ack", null, Ct);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var acknowledged = (await client.GetFromJsonAsync<List<AlarmDto>>("/api/alarms?state=acknowledged", Ct))!.Single(a => a.Id == alarm.Id);
        Assert.Equal(Accounts.AccountSeeder.DemoEmail, acknowledged.AcknowledgedBy);
        Assert.NotNull(acknowledged.AcknowledgedAt);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/alarms/{alarm.Id}/ack", null, Ct)).StatusCode);

        // Acknowledged alarms are not escalated again; the door closing closes the alarm.
        var notified = received.Count;
        await fleet.Services.GetRequiredService<AlarmWatcher>().CheckAsync(CancellationToken.None);
        Assert.Equal(notified, received.Count);
        await kiosk.EventAsync(2, "door.closed", DateTimeOffset.UtcNow, new JsonObject { ["door"] = "rest" });
        await Eventually.TrueAsync(() => client.GetFromJsonAsync<List<AlarmDto>>("/api/alarms?state=closed", Ct).Result!.Any(a => a.Id == alarm.Id), Wait, "closed by door.closed");
    }
}

public sealed class SqliteAlarmTests(SharedServers servers) : AlarmTests(servers, DatabaseProvider.Sqlite);

public sealed class PostgresAlarmTests(SharedServers servers) : AlarmTests(servers, DatabaseProvider.Postgres);
