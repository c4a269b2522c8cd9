using Kiosk.Fleet.Kiosks;
using Kiosk.Fleet.Storage;

namespace Kiosk.Fleet.Tests.Kiosks;

/// <summary>The kiosk page's view of one kiosk, from a stored birth and retained state.</summary>
public sealed class KioskSnapshotTests
{
    private const string Station = """{"code":"TY-1","name":"Yingze 1","address":"1 Road","cabins":[{"id":"rest","capacity":6},{"id":"life","capacity":2}]}""";

    private const string State = """
        {"circuits":{"outlet":{"on":true,"watts":812.5,"wh":10.2,"limit":1500,"tripped":false,"lockedOut":false,"shed":false,"fault":null,"manual":null},
                     "heater":{"on":false,"watts":0,"wh":1,"limit":2000,"tripped":true,"lockedOut":false,"shed":false,"fault":null,"manual":null}},
         "doors":{"rest":{"lock":"locked","contact":"closed","mode":"normal","alarm":null},"life":{"lock":"unlocked","contact":"open","mode":"hold_open","alarm":"held_open"}},
         "occupancy":{"rest":{"count":6,"capacity":6,"full":true,"presence":true,"lastActivity":null},"visitsToday":3,"holdersToday":2},
         "ts":"2026-03-02T06:00:00.000Z"}
        """;

    [Fact]
    public void From_StateWithDoorsOccupancyCircuits_CabinsJoinedById()
    {
        var snapshot = KioskSnapshot.From(new KioskRow { Id = "ty-0001", Online = true, Station = Station, State = State }, ["door.held_open"]);

        Assert.Equal(("TY-1", "Yingze 1"), (snapshot.Code, snapshot.Name));
        Assert.Equal(["rest", "life"], snapshot.Cabins.Select(c => c.Id));
        Assert.Equal(new CabinView("rest", "locked", "closed", "normal", null, 6, 6, true), snapshot.Cabins[0]);
        Assert.Equal(new CabinView("life", "unlocked", "open", "hold_open", "held_open", null, 2, false), snapshot.Cabins[1]);
        Assert.Equal(["outlet", "heater"], snapshot.Circuits.Select(c => c.Id));
        Assert.True(snapshot.Circuits[1].Tripped);
        Assert.Equal(812.5, snapshot.Circuits[0].Watts);
        Assert.Null(snapshot.Climate);
        Assert.Equal(["door.held_open"], snapshot.Alarms);
    }

    [Fact]
    public void From_NoState_CabinsFromBirthOnly()
    {
        var snapshot = KioskSnapshot.From(new KioskRow { Id = "ty-0002", Station = Station }, []);

        Assert.Equal([new CabinView("rest", null, null, null, null, null, 6, false), new CabinView("life", null, null, null, null, null, 2, false)], snapshot.Cabins);
        Assert.Empty(snapshot.Circuits);
    }

    [Fact]
    public void From_UnparsableState_NoSections()
    {
        var snapshot = KioskSnapshot.From(new KioskRow { Id = "ty-0003", State = "{\"doors\":42}" }, []);

        Assert.Empty(snapshot.Cabins);
        Assert.Empty(snapshot.Circuits);
    }

    [Fact]
    public void Align_TwoSeriesWithGaps_NullWhereMissing()
    {
        var t0 = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var chart = ChartData.Align("W", [("a", [(t0, 1.0), (t0.AddMinutes(5), 2.0)]), ("b", [(t0.AddMinutes(5), 3.0), (t0.AddMinutes(10), 4.126)])]);

        Assert.Equal([t0.ToUnixTimeSeconds(), t0.ToUnixTimeSeconds() + 300, t0.ToUnixTimeSeconds() + 600], chart.X);
        Assert.Equal([1.0, 2.0, null], chart.Series[0].Y);
        Assert.Equal([null, 3.0, 4.13], chart.Series[1].Y);
        Assert.StartsWith("{\"unit\":\"W\",\"x\":[", chart.ToJson(), StringComparison.Ordinal);
    }
}
