using Kiosk.Edge.Doors;
using Kiosk.Edge.Hardware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Doors;

public sealed class DoorsOptionsValidatorTests
{
    private static readonly Dictionary<string, string?> TwoCabins = new()
    {
        ["Board:Kind"] = "Simulated",
        ["Doors:Default"] = "rest",
        ["Doors:Cabins:rest:LockPin"] = "17",
        ["Doors:Cabins:rest:FailMode"] = "FailSecure",
        ["Doors:Cabins:rest:ContactPin"] = "27",
        ["Doors:Cabins:rest:ExitButtonPin"] = "16",
        ["Doors:Cabins:life:LockPin"] = "5",
        ["Doors:Cabins:life:FailMode"] = "FailSafe",
        ["Doors:Cabins:life:LockActiveLow"] = "true",
        ["Doors:Cabins:life:ContactPin"] = "6",
        ["Doors:Cabins:life:ExitButtonPin"] = "13",
        ["Doors:Cabins:life:Capacity"] = "2",
        ["Doors:Cabins:life:AllowedRoles:0"] = "worker",
        ["Doors:Cabins:life:AllowedRoles:1"] = "steward",
    };

    [Fact]
    public void Bind_DemoConfiguration_IsValidWithDefaults()
    {
        using var sp = Services(TwoCabins);

        var o = sp.GetRequiredService<IOptions<DoorsOptions>>().Value;

        Assert.Equal("rest", o.DefaultId);
        var rest = o.Cabins["rest"];
        Assert.Equal(TimeSpan.FromSeconds(5), rest.UnlockTime);
        Assert.Equal(TimeSpan.FromSeconds(60), rest.HeldOpenAlarm);
        Assert.Equal(6, rest.Capacity);
        Assert.Null(rest.AllowedRoles);
        Assert.Equal(LineLevel.Low, rest.ContactClosedLevel);
        Assert.Equal(InputBias.PullUp, rest.ContactBias);
        Assert.Equal(LineLevel.Low, rest.ExitButtonActiveLevel);
        Assert.Equal(["worker", "steward"], o.Cabins["life"].AllowedRoles);
    }

    [Fact]
    public void Validate_MissingLockPin_NamesTheCabinAndKey()
    {
        var message = Failure(Without(TwoCabins, "Doors:Cabins:life:LockPin"));

        Assert.Contains("Doors:Cabins:life:LockPin field is required", message);
    }

    [Fact]
    public void Validate_MissingFailMode_NamesKey()
    {
        var message = Failure(Without(TwoCabins, "Doors:Cabins:rest:FailMode"));

        Assert.Contains("Doors:Cabins:rest:FailMode field is required", message);
    }

    [Fact]
    public void Validate_DefaultNamesUnknownDoor_NamesKeyAndKnownDoors()
    {
        var message = Failure(With(TwoCabins, "Doors:Default", "kitchen"));

        Assert.Contains("Doors:Default names 'kitchen'", message);
        Assert.Contains("life, rest", message);
    }

    [Fact]
    public void Validate_TwoCabinsWithoutDefault_AsksForDefault()
    {
        Assert.Contains("Doors:Default is required", Failure(Without(TwoCabins, "Doors:Default")));
    }

    [Fact]
    public void Validate_OneCabinWithoutDefault_ItIsTheDefault()
    {
        var one = TwoCabins.Where(p => !p.Key.StartsWith("Doors:Cabins:life", StringComparison.Ordinal) && p.Key != "Doors:Default")
            .ToDictionary(p => p.Key, p => p.Value);
        using var sp = Services(one);

        Assert.Equal("rest", sp.GetRequiredService<IOptions<DoorsOptions>>().Value.DefaultId);
    }

    [Fact]
    public void Validate_NoCabins_Fails()
    {
        Assert.Contains("Doors:Cabins must configure at least one cabin", Failure(new Dictionary<string, string?> { ["Board:Kind"] = "Simulated" }));
    }

    [Fact]
    public void Validate_UnknownRole_NamesKey()
    {
        Assert.Contains("Doors:Cabins:life:AllowedRoles: 'admin'", Failure(With(TwoCabins, "Doors:Cabins:life:AllowedRoles:1", "admin")));
    }

    [Fact]
    public void Validate_UnlockTimeOutOfRange_NamesKey()
    {
        var message = Failure(With(TwoCabins, "Doors:Cabins:rest:UnlockTime", "00:30:00"));

        Assert.Contains("Doors:Cabins:rest:UnlockTime must be between 00:00:01 and 00:05:00", message);
    }

    [Fact]
    public void Validate_BadCabinId_Fails()
    {
        var bad = TwoCabins.ToDictionary(p => p.Key.Replace("Doors:Cabins:life", "Doors:Cabins:Life Cabin", StringComparison.Ordinal), p => p.Value);

        Assert.Contains("Doors:Cabins:Life Cabin: the cabin id must match", Failure(bad));
    }

    [Fact]
    public void PinRegistry_PinUsedByTwoCabins_FailsNamingBothKeys()
    {
        using var sp = Services(With(TwoCabins, "Doors:Cabins:life:ExitButtonPin", "27"));

        var e = Assert.Throws<OptionsValidationException>(sp.GetRequiredService<PinRegistry>);

        Assert.Contains("Doors:Cabins:life:ExitButtonPin and Doors:Cabins:rest:ContactPin both use GPIO 27", e.Message);
    }

    [Fact]
    public void PinRegistry_PinOutsideChip_FailsNamingKey()
    {
        using var sp = Services(With(TwoCabins, "Doors:Cabins:rest:LockPin", "64"));

        var e = Assert.Throws<OptionsValidationException>(sp.GetRequiredService<PinRegistry>);

        Assert.Contains("Doors:Cabins:rest:LockPin = 64 is not a line of the simulated chip (lines 0..63)", e.Message);
    }

    [Fact]
    public void PinRegistry_DoorAndAnotherFeatureShareALine_FailsNamingBothKeys()
    {
        var services = new ServiceCollection();
        Register(services, TwoCabins);
        services.AddPinClaims<PowerLikeOptions>(_ => [new PinClaim("Power:Circuits:outlet:RelayPin", 17)]);
        using var sp = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(sp.GetRequiredService<PinRegistry>);

        Assert.Contains("Doors:Cabins:rest:LockPin and Power:Circuits:outlet:RelayPin both use GPIO 17", e.Message);
    }

    private static string Failure(Dictionary<string, string?> settings)
    {
        using var sp = Services(settings);
        return Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<DoorsOptions>>().Value).Message;
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        Register(services, settings);
        return services.BuildServiceProvider();
    }

    private static void Register(ServiceCollection services, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddLogging(b => b.ClearProviders());
        services.AddSingleton(TimeProvider.System);
        services.AddBoard(configuration);
        services.AddDoors(configuration);
    }

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, string key, string value) =>
        new(settings) { [key] = value };

    private static Dictionary<string, string?> Without(Dictionary<string, string?> settings, string key) =>
        settings.Where(p => p.Key != key).ToDictionary(p => p.Key, p => p.Value);

    private sealed class PowerLikeOptions;
}
