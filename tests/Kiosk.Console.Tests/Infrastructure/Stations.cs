using System.Text.Json.Nodes;
using Kiosk.Fleet.Tests.Infrastructure;

namespace Kiosk.Console.Tests.Infrastructure;

/// <summary>Births with real positions (Yingze district, Taiyuan; WGS-84) for scripted kiosks, so the map spreads them out.</summary>
public static class Stations
{
    public static Task BirthAtAsync(TestKiosk kiosk, string name, double latitude, double longitude) =>
        kiosk.PublishAsync("status", new JsonObject
        {
            ["online"] = true,
            ["ts"] = TestKiosk.Ts(DateTimeOffset.UtcNow),
            ["version"] = "0.1.0",
            ["boot"] = kiosk.Boot,
            ["epoch"] = kiosk.Epoch,
            ["station"] = new JsonObject
            {
                ["code"] = "TYYZ-" + kiosk.Id,
                ["name"] = name,
                ["address"] = "Yingze, Taiyuan",
                ["latitude"] = latitude,
                ["longitude"] = longitude,
                ["amenities"] = new JsonArray("hot_water", "microwave"),
                ["cabins"] = new JsonArray(new JsonObject { ["id"] = "rest", ["capacity"] = 6 }, new JsonObject { ["id"] = "life", ["capacity"] = 2 }),
            },
        }, retain: true);
}
