using System.Text.Json.Nodes;
using Kiosk.Fleet.Tests.Infrastructure;

namespace Kiosk.Console.Tests.Kiosks;

/// <summary>What a scripted kiosk reports for the kiosk page: a retained state (two cabins, two circuits, climate), a few hours of telemetry and events.</summary>
public static class KioskScript
{
    public static async Task ReportAsync(TestKiosk kiosk, DateTimeOffset now)
    {
        await kiosk.PublishAsync("state", new JsonObject
        {
            ["circuits"] = new JsonObject
            {
                ["outlet"] = Circuit(on: true, watts: 812, limit: 1500, tripped: false),
                ["heater"] = Circuit(on: false, watts: 0, limit: 2000, tripped: true),
            },
            ["climate"] = new JsonObject
            {
                ["cabins"] = new JsonObject
                {
                    ["rest"] = new JsonObject { ["sensor"] = "sht4x", ["celsius"] = 24.5, ["humidity"] = 41.0, ["fault"] = null, ["alarms"] = new JsonArray() },
                },
                ["cpu"] = new JsonObject { ["celsius"] = 51.2 },
            },
            ["doors"] = new JsonObject
            {
                ["rest"] = new JsonObject { ["lock"] = "locked", ["contact"] = "closed", ["mode"] = "normal", ["alarm"] = null },
                ["life"] = new JsonObject { ["lock"] = "locked", ["contact"] = "open", ["mode"] = "normal", ["alarm"] = "held_open" },
            },
            ["occupancy"] = new JsonObject
            {
                ["rest"] = new JsonObject { ["count"] = 3, ["capacity"] = 6, ["full"] = false, ["presence"] = true, ["lastActivity"] = null },
                ["life"] = new JsonObject { ["count"] = 2, ["capacity"] = 2, ["full"] = true, ["presence"] = null, ["lastActivity"] = null },
                ["visitsToday"] = 4,
                ["holdersToday"] = 3,
            },
            ["ts"] = TestKiosk.Ts(now),
        }, retain: true);

        for (var h = 6; h >= 1; h--)
        {
            await kiosk.TelemetryAsync(now.AddHours(-h), new JsonObject
            {
                ["power.outlet.watts"] = 100.0 * h,
                ["power.heater.watts"] = h % 2 == 0 ? 1200.0 : 0.0,
                ["occupancy.rest.count"] = h % 4,
                ["occupancy.life.count"] = h % 2,
                ["temperature.rest"] = 20.0 + h,
            });
        }

        await kiosk.EventAsync(1, "door.opened", now.AddMinutes(-50), new JsonObject { ["door"] = "rest", ["via"] = "scan", ["sub"] = "w-1", ["role"] = "worker" });
        await kiosk.EventAsync(2, "door.closed", now.AddMinutes(-49), new JsonObject { ["door"] = "rest" });
        await kiosk.EventAsync(3, "door.opened", now.AddMinutes(-40), new JsonObject { ["door"] = "life", ["via"] = "scan", ["sub"] = "w-2", ["role"] = "worker" });
        await kiosk.EventAsync(4, "door.held_open", now.AddMinutes(-30), new JsonObject { ["door"] = "life" });
        await kiosk.EventAsync(5, "steward.checkin", now.AddMinutes(-25), new JsonObject { ["door"] = "rest", ["via"] = "scan", ["sub"] = "s-1" });
        await kiosk.EventAsync(6, "steward.checkout", now.AddMinutes(-5), new JsonObject { ["door"] = "rest", ["via"] = "scan", ["sub"] = "s-1" });
    }

    public const int Events = 6;

    private static JsonObject Circuit(bool on, double watts, double limit, bool tripped) => new()
    {
        ["on"] = on, ["watts"] = watts, ["wh"] = 10.0, ["limit"] = limit, ["tripped"] = tripped,
        ["lockedOut"] = false, ["shed"] = false, ["fault"] = null, ["manual"] = null,
    };
}
