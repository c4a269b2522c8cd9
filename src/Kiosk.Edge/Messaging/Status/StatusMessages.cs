using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Messaging.Status;

/// <summary>
/// The retained <c>status</c> payloads: birth after every connect, and offline for the Last Will
/// and a clean shutdown. Both carry <c>boot</c> so a backend can ignore a will from an older boot
/// that arrives after the new birth.
/// </summary>
internal sealed class StatusMessages
{
    private readonly KioskOptions _kiosk;
    private readonly IConfiguration _configuration;
    private readonly long _boot;

    public StatusMessages(IOptions<KioskOptions> kiosk, IConfiguration configuration, EventJournal journal)
    {
        _kiosk = kiosk.Value;
        _configuration = configuration;
        _boot = journal.Boot;
    }

    public static string Version { get; } = ReadVersion();

    public JsonObject Birth(DateTimeOffset now) => new()
    {
        ["online"] = true,
        ["ts"] = KioskEvent.FormatTimestamp(now),
        ["version"] = Version,
        ["boot"] = _boot,
        ["station"] = Station(),
    };

    /// <summary>Offline payload; for the Last Will <paramref name="ts"/> is the connect time (the broker sends it later, unchanged).</summary>
    public JsonObject Offline(DateTimeOffset ts) => new()
    {
        ["online"] = false,
        ["ts"] = KioskEvent.FormatTimestamp(ts),
        ["boot"] = _boot,
    };

    private JsonObject Station()
    {
        var s = _kiosk.Station;
        var cabins = new JsonArray();
        // The doors feature owns this section (Doors:Cabins keyed by door id); only id and Capacity matter here.
        var doors = _configuration.GetSection("Doors");
        var cabinSection = doors.GetSection("Cabins");
        var entries = cabinSection.Exists() ? cabinSection.GetChildren() : doors.GetChildren().Where(c => c.GetChildren().Any());
        foreach (var door in entries)
        {
            var cabin = new JsonObject { ["id"] = door.Key };
            if (int.TryParse(door["Capacity"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity))
            {
                cabin["capacity"] = capacity;
            }

            // The JsonNode overload: the generic Add<T> would go through reflection-based serialization (not AOT-safe).
            cabins.Add((JsonNode)cabin);
        }

        return new JsonObject
        {
            ["code"] = s.Code,
            ["name"] = s.Name,
            ["address"] = s.Address,
            ["latitude"] = s.Latitude,
            ["longitude"] = s.Longitude,
            ["amenities"] = new JsonArray([.. s.Amenities.Select(a => (JsonNode?)JsonValue.Create(a))]),
            ["cabins"] = cabins,
        };
    }

    private static string ReadVersion()
    {
        var version = typeof(StatusMessages).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
