using Kiosk.Edge.Occupancy;
using Microsoft.Extensions.Options;

namespace Kiosk.Tests.Occupancy;

/// <summary>The per-cabin checks at their limits (the usual faults are in <see cref="OccupancyOptionsTests"/>).</summary>
public sealed class OccupancyCabinsValidatorTests
{
    private static ValidateOptionsResult Validate(OccupancyOptions options) => new OccupancyCabinsValidator().Validate(null, options);

    [Fact]
    public void Validate_CapacityEqualToMaxCount_Succeeds()
    {
        var options = OccupancyFixture.Cabin(capacity: 20);
        options.MaxCount = 20;
        Assert.True(Validate(options).Succeeded);

        options.MaxCount = 19;
        Assert.Contains("Occupancy:Cabins:rest:Capacity must be between 1 and Occupancy:MaxCount (19)", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PinsAtBothEndsOfTheChip_Succeed()
    {
        var options = OccupancyFixture.Cabin();
        options.Cabins["rest"].BeamAPin = 0;
        options.Cabins["rest"].BeamBPin = 63;
        Assert.True(Validate(options).Succeeded);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(64)]
    public void Validate_PinOffTheChip_FailsNamingTheKey(int pin)
    {
        var options = OccupancyFixture.Cabin();
        options.Cabins["rest"].PresencePin = pin;
        Assert.Contains("Occupancy:Cabins:rest:PresencePin must be a GPIO line between 0 and 63", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7, "Occupancy:Cabins:rest:BeamAPin")]
    [InlineData(8, "Occupancy:Cabins:rest:BeamBPin")]
    public void Validate_PresenceOnABeamLine_FailsNamingBothKeys(int pin, string beamKey)
    {
        var options = OccupancyFixture.Cabin(beams: true);
        options.Cabins["rest"].PresencePin = pin;
        Assert.Contains(
            $"Occupancy:Cabins:rest:PresencePin: GPIO line {pin} is already used by {beamKey}", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DoorListedByTwoCabins_FailsNamingTheDoorAndBothCabins()
    {
        var options = new OccupancyOptions
        {
            Cabins =
            {
                ["x"] = new CabinOptions { Doors = ["d"] },
                ["y"] = new CabinOptions { Doors = ["d"] },
            },
        };
        Assert.Contains("Occupancy:Cabins:y:Doors: door 'd' already leads into cabin 'x'", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CabinIdListedAsAnotherCabinsDoor_Fails()
    {
        // A cabin without Doors has one door with its own id.
        var options = new OccupancyOptions
        {
            Cabins =
            {
                ["a"] = new CabinOptions(),
                ["suite"] = new CabinOptions { Doors = ["a"] },
            },
        };
        Assert.Contains("Occupancy:Cabins:suite:Doors: door 'a' already leads into cabin 'a'", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DoorIdThatIsAnotherCabinsId_Succeeds()
    {
        var options = new OccupancyOptions
        {
            Cabins =
            {
                ["suite"] = new CabinOptions { Doors = ["x"] },
                ["x"] = new CabinOptions { Doors = ["y"] },
            },
        };
        Assert.True(Validate(options).Succeeded);
    }
}
