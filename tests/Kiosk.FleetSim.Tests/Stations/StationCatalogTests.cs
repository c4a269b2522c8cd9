using Kiosk.FleetSim.Stations;

namespace Kiosk.FleetSim.Tests.Stations;

public sealed class StationCatalogTests
{
    [Fact]
    public void Yingze_Twenty_NamedTwoCabinStationsInTheDistrict()
    {
        var stations = StationCatalog.Yingze(20);

        Assert.Equal(20, stations.Select(s => s.Station.Code).Distinct().Count());
        Assert.Equal("tyyz-0001", stations[0].KioskId);
        Assert.Equal("TYYZ-0001", stations[0].Station.Code);
        Assert.All(stations, s =>
        {
            Assert.Matches("^[a-z0-9][a-z0-9-]{2,63}$", s.KioskId);
            // Yingze district, WGS-84: between the Fen River and the eastern hills of Taiyuan.
            Assert.InRange(s.Station.Latitude, 37.82, 37.88);
            Assert.InRange(s.Station.Longitude, 112.54, 112.62);
            Assert.Equal(["rest", "life"], s.Station.Cabins.Select(c => c.Id));
            Assert.Equal(6, s.Station.Cabins.Sum(c => c.Capacity));
            Assert.Contains("hot_water", s.Station.Amenities);
        });
    }

    [Fact]
    public void Yingze_MoreThanNamed_SamePlacesForTheSameSeedAndUniqueIds()
    {
        var a = StationCatalog.Yingze(500, seed: 3, idPrefix: "sim");
        var b = StationCatalog.Yingze(500, seed: 3, idPrefix: "sim");

        Assert.Equal(a, b, (x, y) => x.KioskId == y.KioskId && x.Station.Latitude == y.Station.Latitude && x.Station.Longitude == y.Station.Longitude);
        Assert.Equal(500, a.Select(s => s.KioskId).Distinct().Count());
        Assert.All(a, s => Assert.InRange(s.Station.Latitude, 37.80, 37.89));
    }

    [Theory]
    [InlineData("Bad")]
    [InlineData("-x")]
    [InlineData("a/b")]
    public void Yingze_InvalidPrefix_Refused(string prefix) =>
        Assert.Throws<ArgumentException>(() => StationCatalog.Yingze(1, idPrefix: prefix));
}
