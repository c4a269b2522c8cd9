using Kiosk.Edge.Power;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace Kiosk.Tests.Power;

public sealed class EnergyPersistenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("energy-").FullName;
    private readonly CircuitBench _bench = new();
    private readonly EnergyStore _store;
    private readonly DateTimeOffset _t0 = CircuitBench.T0;

    public EnergyPersistenceTests() => _store = new EnergyStore(Path.Combine(_dir, "power.db"));

    [Fact]
    public void Save_ThenRestore_EnergyDecisionAndLockoutBack()
    {
        var persistence = new EnergyPersistence(_store, TimeSpan.FromMinutes(1), _t0, NullLogger.Instance);
        var c = _bench.Add("heater");
        c.WattHours = 12.5;
        c.Manual = false;
        c.LockedOut = true;
        persistence.Save([c], _t0);

        var again = _bench.Add("heater");
        var unknown = _bench.Add("new");
        persistence.Restore([again, unknown]);

        Assert.Equal((12.5, (bool?)false, true), (again.WattHours, again.Manual, again.LockedOut));
        Assert.Equal((0.0, (bool?)null, false), (unknown.WattHours, unknown.Manual, unknown.LockedOut));
    }

    [Fact]
    public void SaveIfDue_EveryPeriodOrWhenMarked()
    {
        var persistence = new EnergyPersistence(_store, TimeSpan.FromMinutes(1), _t0, NullLogger.Instance);
        var c = _bench.Add("heater");
        c.WattHours = 1;
        persistence.SaveIfDue([c], _t0.AddSeconds(59));
        Assert.Empty(_store.Load());
        persistence.SaveIfDue([c], _t0.AddSeconds(60));
        Assert.Equal(1, _store.Load()["heater"].WattHours);

        c.WattHours = 2;
        persistence.MarkDue();
        persistence.SaveIfDue([c], _t0.AddSeconds(61));
        Assert.Equal(2, _store.Load()["heater"].WattHours);
        c.WattHours = 3;
        persistence.SaveIfDue([c], _t0.AddSeconds(62));
        Assert.Equal(2, _store.Load()["heater"].WattHours);
    }

    [Fact]
    public void Save_DiskError_LoggedNotThrownAndRetriedNextPeriod()
    {
        var logger = new FakeLogger();
        var persistence = new EnergyPersistence(_store, TimeSpan.FromMinutes(1), _t0, logger);
        var c = _bench.Add("heater");
        c.WattHours = 7;
        Execute("ALTER TABLE circuits RENAME TO gone"); // every write now fails with "no such table"

        persistence.Save([c], _t0);

        var log = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, log.Level);
        Assert.StartsWith("Could not persist energy counters: ", log.Message, StringComparison.Ordinal);
        Execute("ALTER TABLE gone RENAME TO circuits");
        persistence.SaveIfDue([c], _t0.AddSeconds(59));
        Assert.Empty(_store.Load());
        persistence.SaveIfDue([c], _t0.AddSeconds(60));
        Assert.Equal(7, _store.Load()["heater"].WattHours);
    }

    public void Dispose()
    {
        _store.Dispose();
        _bench.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private void Execute(string sql)
    {
        using var db = new SqliteConnection($"Data Source={Path.Combine(_dir, "power.db")};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
