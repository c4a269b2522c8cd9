using System.Globalization;
using Kiosk.Contract.Status;

namespace Kiosk.FleetSim.Stations;

/// <summary>
/// Stations of the default district, Yingze (迎泽区), Taiyuan: the 20 two-cabin union stations of the fleet README
/// (a rest cabin for four and a living-needs cabin for two: six people at once), at street sites of the district
/// (WGS-84, as a phone's GPS gives them; a GCJ-02 base map must convert). Past 20, further stations fill the same
/// district around those sites, placed from the seed. Codes are <c>TYYZ-0001</c>...; ids <c>{prefix}-0001</c>....
/// </summary>
internal static class StationCatalog
{
    /// <summary>The district code: the part of a station code before the first '-' (the fleet groups by it).</summary>
    public const string DistrictCode = "TYYZ";

    /// <summary>The default kiosk id prefix.</summary>
    public const string DefaultIdPrefix = "tyyz";

    private static readonly string[] Amenities = ["hot_water", "microwave", "charging", "air_conditioning", "seating", "first_aid_kit", "drinking_water", "toilet"];

    // Positions read off a WGS-84 map of Yingze district (between the Fen River and the eastern hills), to ~100 m.
    private static readonly DistrictSite[] Sites =
    [
        new("Liuxiang", "Liuxiang South Road, Yingze District, Taiyuan", 37.8687, 112.5672),
        new("Yingze Park", "Yingze Street 1, Yingze District, Taiyuan", 37.8531, 112.5581),
        new("Taiyuan Railway Station", "Yingze Street 117, Yingze District, Taiyuan", 37.8537, 112.5864),
        new("Wuyi Square", "Wuyi Road 2, Yingze District, Taiyuan", 37.8636, 112.5713),
        new("Shuangta Temple", "Shuangta Temple Street, Yingze District, Taiyuan", 37.8470, 112.5915),
        new("Laojunying", "Laojunying South Street, Yingze District, Taiyuan", 37.8480, 112.5480),
        new("Qiaodong Street", "Qiaodong Street, Yingze District, Taiyuan", 37.8600, 112.5790),
        new("Jiefang South Road", "Jiefang Road South, Yingze District, Taiyuan", 37.8560, 112.5640),
        new("Taoyuan South Road", "Taoyuan South Road, Yingze District, Taiyuan", 37.8570, 112.5520),
        new("Haozhuang", "Haozhuang Town Road, Yingze District, Taiyuan", 37.8470, 112.6080),
        new("Miaoqian Street", "Miaoqian Street, Yingze District, Taiyuan", 37.8580, 112.5680),
        new("Wenmiao", "Wenmiao Lane, Yingze District, Taiyuan", 37.8690, 112.5750),
        new("Jianshe South Road", "Jianshe South Road, Yingze District, Taiyuan", 37.8400, 112.5820),
        new("Binhe East Road", "Binhe East Road, Yingze District, Taiyuan", 37.8450, 112.5460),
        new("Pingyang Road North", "Pingyang Road, Yingze District, Taiyuan", 37.8440, 112.5520),
        new("Chaoyang Street", "Chaoyang Street, Yingze District, Taiyuan", 37.8490, 112.5840),
        new("Dananmen", "Dananmen, Yingze Street, Yingze District, Taiyuan", 37.8550, 112.5720),
        new("Jiannan Bus Station", "Jianshe South Road 1, Yingze District, Taiyuan", 37.8290, 112.5640),
        new("Shuangta West Street", "Shuangta West Street, Yingze District, Taiyuan", 37.8460, 112.5800),
        new("Yingze East Street", "Yingze East Street, Yingze District, Taiyuan", 37.8550, 112.6000),
    ];

    /// <summary>The number of named stations of the district (the fleet README's 20).</summary>
    public static int NamedCount => Sites.Length;

    /// <summary>
    /// <paramref name="count"/> stations: the 20 named ones first, then stations near them placed from
    /// <paramref name="seed"/> (within ~1.5 km, the national 1 km service radius with overlap).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="idPrefix"/> would make an id the contract refuses.</exception>
    public static IReadOnlyList<SimStation> Yingze(int count, int seed = 1, string idPrefix = DefaultIdPrefix)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!KioskIds.IsValidPrefix(idPrefix))
        {
            throw new ArgumentException($"--id-prefix '{idPrefix}': lower-case letters, digits and '-', starting with a letter or digit, at most 50 characters", nameof(idPrefix));
        }

        var random = new Random(seed);
        var stations = new List<SimStation>(count);
        for (var i = 0; i < count; i++)
        {
            var number = (i + 1).ToString("D4", CultureInfo.InvariantCulture);
            var site = Sites[i % Sites.Length];
            var (lat, lon, name) = i < Sites.Length
                ? (site.Latitude, site.Longitude, site.Name + " Union Station")
                : (site.Latitude + ((random.NextDouble() - 0.5) * 0.027), site.Longitude + ((random.NextDouble() - 0.5) * 0.034), $"{site.Name} Union Station {(i / Sites.Length) + 1}");
            var amenities = Amenities.Take(6).Concat(Amenities.Skip(6).Where((_, k) => ((i + k) % 3) == 0)).ToList();
            var info = new StationInfo(
                $"{DistrictCode}-{number}",
                name,
                site.Address,
                Math.Round(lat, 5),
                Math.Round(lon, 5),
                amenities,
                [new CabinInfo(SimDoors.Rest, 4), new CabinInfo(SimDoors.Life, 2)]);
            stations.Add(new SimStation($"{idPrefix}-{number}", info));
        }

        return stations;
    }
}
