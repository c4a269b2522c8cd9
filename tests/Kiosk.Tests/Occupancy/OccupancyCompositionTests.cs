using Kiosk.Edge.Commands;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware;
using Kiosk.Edge.Intercom;
using Kiosk.Edge.Occupancy;
using Kiosk.Edge.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Occupancy;

/// <summary>The registrations of occupancy and intercom, built from configuration as the host does.</summary>
public sealed class OccupancyCompositionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("occupancy-di-").FullName;

    private ServiceProvider Build(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kiosk:Id"] = "test-0001",
            ["Kiosk:StateDirectory"] = Path.Combine(_dir, "state"),
            ["Kiosk:RuntimeDirectory"] = Path.Combine(_dir, "run"),
            ["Kiosk:Station:Code"] = "T-01",
            ["Kiosk:Station:Name"] = "Test",
            ["Board:Kind"] = "Simulated",
            ["Occupancy:Cabins:rest:BeamAPin"] = "7",
            ["Occupancy:Cabins:rest:BeamBPin"] = "8",
            ["Occupancy:Cabins:rest:PresencePin"] = "9",
            ["Occupancy:Cabins:life:Capacity"] = "2",
            ["Occupancy:Cabins:life:PresencePin"] = "10",
            ["Intercom:CallButtonPin"] = "11",
            ["Intercom:HelpLedPin"] = "12",
            ["Intercom:AmpEnablePin"] = "14",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddKioskCore(configuration);
        services.AddBoard(configuration);
        services.Configure<Kiosk.Edge.Doors.DoorsOptions>(configuration.GetSection("Doors"));
        services.AddOccupancy(configuration);
        services.AddIntercom(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Build_DemoConfiguration_ResolvesCommandsOperationsAndTelemetry()
    {
        using var sp = Build();
        sp.GetRequiredService<PinRegistry>();
        var estimator = sp.GetRequiredService<OccupancyEstimator>();
        Assert.Equal(6, estimator.Capacity("rest"));
        Assert.Equal(2, estimator.Capacity("life"));
        Assert.Contains("announce", sp.GetServices<KioskCommand>().Select(c => c.Name));
        Assert.Contains("ack_help", sp.GetServices<KioskCommand>().Select(c => c.Name));
        var operations = sp.GetServices<ControlOperation>().Select(o => o.Name).ToList();
        Assert.Contains("sim.beam", operations);
        Assert.Contains("sim.presence", operations);
        Assert.Contains("sim.help", operations);
        Assert.IsType<FileAudioSink>(sp.GetRequiredService<AudioSink>());

        var m = new Dictionary<string, double>();
        foreach (var source in sp.GetServices<TelemetrySource>())
        {
            source.Collect(m);
        }

        Assert.Equal(0, m["occupancy.rest.count"]);
        Assert.Equal(0, m["intercom.help.pending"]);
    }

    [Fact]
    public void Build_DoorCabins_AreOccupancyCabinsWithTheDoorsCapacityUnlessOverridden()
    {
        using var sp = Build(new()
        {
            ["Doors:Cabins:rest:Capacity"] = "4",
            ["Doors:Cabins:life:Capacity"] = "3",
            ["Doors:Cabins:shower:Capacity"] = "1",
        });
        var estimator = sp.GetRequiredService<OccupancyEstimator>();
        Assert.Equal(4, estimator.Capacity("rest"));
        Assert.Equal(2, estimator.Capacity("life"));
        Assert.Equal(1, estimator.Capacity("shower"));
    }

    [Fact]
    public void Build_CabinCapacityZero_FailsNamingTheKey()
    {
        using var sp = Build(new() { ["Occupancy:Cabins:rest:Capacity"] = "0" });
        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<OccupancyOptions>>().Value);
        Assert.Contains("Occupancy:Cabins:rest:Capacity", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_IntercomPinUsedByOccupancy_FailsNamingBothKeys()
    {
        using var sp = Build(new() { ["Intercom:AmpEnablePin"] = "9" });
        var e = Assert.ThrowsAny<Exception>(() => sp.GetRequiredService<PinRegistry>());
        Assert.Contains("Intercom:AmpEnablePin", e.Message, StringComparison.Ordinal);
        Assert.Contains("Occupancy:Cabins:rest:PresencePin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BadQuietHoursZone_FailsNamingTheKey()
    {
        using var sp = Build(new() { ["Intercom:TimeZone"] = "Nowhere/Atlantis" });
        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<IntercomOptions>>().Value);
        Assert.Contains("Intercom:TimeZone", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
