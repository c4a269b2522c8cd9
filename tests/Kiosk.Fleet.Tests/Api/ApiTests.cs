using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kiosk.Fleet.Configuration;
using Kiosk.Fleet.Tests.Infrastructure;
using Kiosk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Kiosk.Fleet.Tests.Api;

/// <summary>The HTTP API's edges: OpenAPI coverage, roles, and bad input that is named and changes nothing.</summary>
public sealed class ApiTests(SharedServers servers) : FleetTestBase(servers, DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task OpenApi_Document_CoversEveryEndpoint()
    {
        var fleet = await StartFleetAsync();
        var document = (await fleet.Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json", Ct))!;
        var paths = document["paths"]!.AsObject();
        var endpoints = fleet.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/openapi/", StringComparison.Ordinal))
            // The operator console (pages, static files, Blazor hub, form posts) is a browser UI, not API: marked so deliberately.
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            // MapStaticAssets' Development-only fallback for files changed since the build (no conventions reach it).
            .Where(e => e.RoutePattern.RawText != "{**path:file}")
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Path: Normalise(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .Distinct()
            .ToList();
        Assert.Contains(endpoints, e => e.Path == "/api/open");
        Assert.Contains(endpoints, e => e.Path == "/healthz");
        var missing = endpoints.Where(e => paths[e.Path]?[e.Method] is null).ToList();
        Assert.True(missing.Count == 0, "not in /openapi/v1.json: " + string.Join(", ", missing));
        foreach (var path in new[] { "/api/kiosks", "/api/kiosks/{id}/commands/{name}", "/api/commands/{name}", "/api/alarms/{id}/ack", "/api/reports/stations", "/api/passes", "/metrics" })
        {
            Assert.NotNull(paths[path]);
        }
    }

    [Fact]
    public async Task Commands_ByViewer_Forbidden()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("viewer-0001");
        var viewer = await fleet.UserAsync("viewer");
        await Eventually.TrueAsync(() => viewer.GetAsync($"/api/kiosks/{kiosk.Id}", Ct).Result.IsSuccessStatusCode, Wait, "kiosk known");

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/kiosks/{kiosk.Id}/commands/unlock", new { door = "rest" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/commands/unlock", new { kiosks = new[] { kiosk.Id } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fleet.Http.GetAsync("/api/kiosks", Ct)).StatusCode);
        Assert.Empty(kiosk.Commands);
        Assert.Equal(0, await fleet.DbAsync(db => db.CommandAudits.CountAsync(Ct)));
    }

    [Theory]
    [InlineData("/api/kiosks/no-such-kiosk/commands/unlock", "{}", 404, "id")]
    [InlineData("/api/kiosks/{kiosk}/commands/launch", "{}", 404, "name")]
    [InlineData("/api/kiosks/{kiosk}/commands/power", """{"circuit":"heater","action":"explode"}""", 400, "action")]
    [InlineData("/api/kiosks/{kiosk}/commands/power", """{"action":"off"}""", 400, "circuit")]
    [InlineData("/api/kiosks/{kiosk}/commands/unlock", """{"door":"attic"}""", 400, "door")]
    [InlineData("/api/kiosks/{kiosk}/commands/unlock", """{"door":"rest","extra":1}""", 400, "extra")]
    [InlineData("/api/kiosks/{kiosk}/commands/announce", """{"text":"hi","volume":300}""", 400, "volume")]
    [InlineData("/api/kiosks/{kiosk}/commands/mode", "[1,2]", 400, "body")]
    [InlineData("/api/kiosks/{kiosk}/commands/mode", "{not json", 400, "body")]
    [InlineData("/api/commands/unlock", """{"kiosks":["{kiosk}","ghost-0001"]}""", 404, "kiosks")]
    [InlineData("/api/commands/unlock", """{"district":"NOWHERE"}""", 404, "district")]
    [InlineData("/api/commands/unlock", """{"kiosks":["{kiosk}"],"district":"TEST"}""", 400, "kiosks")]
    [InlineData("/api/commands/power", """{"kiosks":["{kiosk}"],"arguments":{"circuit":"heater"}}""", 400, "arguments.action")]
    public async Task Commands_BadInput_NamedAndNothingSent(string path, string body, int status, string field)
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("bad-0001");
        var client = await fleet.OperatorAsync();
        await Eventually.TrueAsync(() => client.GetAsync($"/api/kiosks/{kiosk.Id}", Ct).Result.IsSuccessStatusCode, Wait, "kiosk known");

        using var content = new StringContent(body.Replace("{kiosk}", kiosk.Id, StringComparison.Ordinal), Encoding.UTF8, "application/json");
        var response = await client.PostAsync(path.Replace("{kiosk}", kiosk.Id, StringComparison.Ordinal), content, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(field, problem, StringComparison.Ordinal);
        Assert.Empty(kiosk.Commands);
        Assert.Equal(0, await fleet.DbAsync(db => db.CommandAudits.CountAsync(Ct)));
    }

    [Fact]
    public async Task Body_Oversized_RefusedNamingBody()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("big-0001");
        var client = await fleet.OperatorAsync();
        await Eventually.TrueAsync(() => client.GetAsync($"/api/kiosks/{kiosk.Id}", Ct).Result.IsSuccessStatusCode, Wait, "kiosk known");

        using var content = new StringContent("{\"text\":\"" + new string('a', 100_000) + "\"}", Encoding.UTF8, "application/json");
        var response = await client.PostAsync($"/api/kiosks/{kiosk.Id}/commands/announce", content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("body", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(kiosk.Commands);
    }

    [Fact]
    public async Task Queries_BadParameters_NamedIn400()
    {
        var fleet = await StartFleetAsync();
        var kiosk = await ConnectKioskAsync("query-0001");
        var client = await fleet.UserAsync("viewer");
        await Eventually.TrueAsync(() => client.GetAsync($"/api/kiosks/{kiosk.Id}", Ct).Result.IsSuccessStatusCode, Wait, "kiosk known");

        foreach (var (path, field) in new[]
        {
            ($"/api/kiosks/{kiosk.Id}/events?since=yesterday", "since"),
            ($"/api/kiosks/{kiosk.Id}/events?limit=0", "limit"),
            ($"/api/kiosks/{kiosk.Id}/telemetry", "key"),
            ($"/api/kiosks/{kiosk.Id}/telemetry?key=power.heater&step=-5", "step"),
            ("/api/alarms?state=sleepy", "state"),
            ("/api/reports/stations?month=2026-13", "month"),
            ("/api/reports/visits?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from"),
        })
        {
            var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/kiosks/ghost-0001", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/kiosks/ghost-0001/events", Ct)).StatusCode);
    }

    private static string Normalise(string raw) =>
        System.Text.RegularExpressions.Regex.Replace(raw.Length > 1 ? raw.TrimEnd('/') : raw, "\\{([a-zA-Z]+)(:[^}]*)?\\}", "{$1}");
}
