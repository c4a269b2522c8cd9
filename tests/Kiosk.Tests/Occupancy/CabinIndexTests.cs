using Kiosk.Edge.Occupancy;

namespace Kiosk.Tests.Occupancy;

public sealed class CabinIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private readonly CabinIndex _index = new(
        new Dictionary<string, CabinOptions>
        {
            ["rest"] = new(),
            ["bunk"] = new() { Doors = ["bunk-a", "bunk-b"] },
        },
        Now);

    [Fact]
    public void Ids_EveryCabinInConfigurationOrder() => Assert.Equal(["rest", "bunk"], _index.Ids);

    [Fact]
    public void All_EveryCabinAbsentSinceTheStart() =>
        Assert.All(_index.All, c => Assert.Equal(Now, c.AbsentSince));

    [Theory]
    [InlineData("rest", "rest")]
    [InlineData("bunk", "bunk")]
    [InlineData("bunk-a", "bunk")]
    [InlineData("bunk-b", "bunk")]
    [InlineData("nope", null)]
    public void Find_CabinOrDoorId_TheCabin(string id, string? cabin) => Assert.Equal(cabin, _index.Find(id)?.Id);

    [Theory]
    [InlineData("rest", "rest")]
    [InlineData("bunk-a", "bunk")]
    [InlineData("bunk", null)]
    public void ByDoor_DoorId_TheCabinItLeadsInto(string door, string? cabin) => Assert.Equal(cabin, _index.ByDoor(door)?.Id);
}
