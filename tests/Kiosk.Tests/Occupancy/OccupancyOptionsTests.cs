using Kiosk.Edge.Occupancy;

namespace Kiosk.Tests.Occupancy;

public sealed class OccupancyOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = OccupancyFixture.Cabin(beams: true, presence: true);
        Assert.True(new OccupancyOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(new OccupancyCabinsValidator().Validate(null, options).Succeeded);
        Assert.Equal(6, CabinOptions.DefaultCapacity);
    }

    [Theory]
    [InlineData("capacity", "Occupancy:Cabins:rest:Capacity")]
    [InlineData("half-beams", "Occupancy:Cabins:rest:BeamAPin and Occupancy:Cabins:rest:BeamBPin")]
    [InlineData("shared-pin", "Occupancy:Cabins:rest:PresencePin: GPIO line 7")]
    [InlineData("zone", "Occupancy:TimeZone")]
    [InlineData("id", "Occupancy:Cabins:Rest Room")]
    public void Validate_BadCabin_FailsNamingTheKey(string fault, string key)
    {
        var options = OccupancyFixture.Cabin(beams: true);
        var rest = options.Cabins["rest"];
        switch (fault)
        {
            case "capacity": rest.Capacity = 0; break;
            case "half-beams": rest.BeamBPin = null; break;
            case "shared-pin": rest.PresencePin = 7; break;
            case "zone": options.TimeZone = "Mars/Olympus"; break;
            case "id": options.Cabins["Rest Room"] = new CabinOptions(); break;
        }

        var result = new OccupancyCabinsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyAfterOutOfRange_FailsNamingTheKey()
    {
        var options = new OccupancyOptions { EmptyAfter = TimeSpan.FromSeconds(5) };
        var result = new OccupancyOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("EmptyAfter", result.FailureMessage, StringComparison.Ordinal);
    }
}
