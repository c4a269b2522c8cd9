using System.Globalization;
using System.Reflection;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Kiosk.Contract.Status;

namespace Kiosk.Edge.Messaging.Status;

/// <summary>
/// The retained <c>status</c> payloads: birth after every connect, and offline for the Last Will
/// and a clean shutdown. Both carry <c>boot</c> and the installation <c>epoch</c>, so a backend can ignore
/// a will from an older boot that arrives after the new birth (same epoch) and recognise a rebuilt kiosk
/// (new epoch). Birth also names the contract version it speaks.
/// </summary>
internal sealed class StatusMessages
{
    private readonly KioskOptions _kiosk;
    private readonly IConfiguration _configuration;
    private readonly long _boot;
    private readonly string _epoch;

    public StatusMessages(IOptions<KioskOptions> kiosk, IConfiguration configuration, EventJournal journal)
    {
        _kiosk = kiosk.Value;
        _configuration = configuration;
        _boot = journal.Boot;
        _epoch = journal.Epoch;
    }

    public static string Version { get; } = ReadVersion();

    public StatusMessage Birth(DateTimeOffset now) =>
        StatusMessage.Birth(now, Version, _boot, Station()) with { Contract = Kiosk.Contract.ContractVersion.Current, Epoch = _epoch };

    /// <summary>Offline payload; for the Last Will <paramref name="ts"/> is the connect time (the broker sends it later, unchanged).</summary>
    public StatusMessage Offline(DateTimeOffset ts) => StatusMessage.Offline(ts, _boot) with { Epoch = _epoch };

    private StationInfo Station()
    {
        var s = _kiosk.Station;
        var cabins = new List<CabinInfo>();
        // The doors feature owns this section (Doors:Cabins keyed by door id); only id and Capacity matter here.
        var doors = _configuration.GetSection("Doors");
        var cabinSection = doors.GetSection("Cabins");
        var entries = cabinSection.Exists() ? cabinSection.GetChildren() : doors.GetChildren().Where(c => c.GetChildren().Any());
        foreach (var door in entries)
        {
            cabins.Add(new CabinInfo(
                door.Key,
                int.TryParse(door["Capacity"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity) ? capacity : null));
        }

        return new StationInfo(s.Code, s.Name, s.Address, s.Latitude, s.Longitude, [.. s.Amenities], cabins);
    }

    private static string ReadVersion()
    {
        var version = typeof(StatusMessages).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
