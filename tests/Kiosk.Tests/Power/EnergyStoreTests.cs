using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class EnergyStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("energy-store-").FullName;

    [Fact]
    public void Save_EveryManualAndLockoutValue_LoadedBackAsSaved()
    {
        CircuitRecord[] records =
        [
            new("aircon", 1.5, true, false),
            new("heater", 0, false, true),
            new("outlet", 2.25, null, false),
        ];
        using (var store = new EnergyStore(Path.Combine(_dir, "power.db")))
        {
            store.Save(records);
        }

        using var again = new EnergyStore(Path.Combine(_dir, "power.db"));
        var loaded = again.Load();

        Assert.Equal(records, loaded.Values.OrderBy(r => r.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void Save_SameCircuitAgain_Replaced()
    {
        using var store = new EnergyStore(Path.Combine(_dir, "power.db"));
        store.Save([new CircuitRecord("heater", 1, true, true)]);
        store.Save([new CircuitRecord("heater", 2, null, false)]);

        Assert.Equal(new CircuitRecord("heater", 2, null, false), Assert.Single(store.Load()).Value);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
