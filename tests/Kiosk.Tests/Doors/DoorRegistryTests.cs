using Kiosk.Edge.Doors;

namespace Kiosk.Tests.Doors;

public sealed class DoorRegistryTests : IDisposable
{
    private readonly DoorRig _rig = new();

    [Fact]
    public void TryResolve_NoDoorClaim_TheDefaultDoor()
    {
        Assert.True(_rig.Doors.TryResolve(null, out var door));
        Assert.Same(_rig.Rest, door);
    }

    [Theory]
    [InlineData("life", true)]
    [InlineData("rest", true)]
    [InlineData("Life", false)]
    [InlineData("attic", false)]
    public void TryResolve_DoorClaim_ThatDoorCaseSensitive(string id, bool found)
    {
        Assert.Equal(found, _rig.Doors.TryResolve(id, out var door));
        if (found)
        {
            Assert.Equal(id, door.Id);
        }
    }

    [Fact]
    public void Start_EveryDoor_PublishesTheSectionLocked()
    {
        using var rig = new DoorRig(start: false);
        rig.Doors.Start();
        Assert.Equal("locked", rig.DoorState("rest")!["lock"]!.GetValue<string>());
        Assert.Equal("locked", rig.DoorState("life")!["lock"]!.GetValue<string>());
    }

    [Fact]
    public void Dispose_ReleasedDoors_LockedAndRefuseOpenings()
    {
        _rig.Rest.Open(new DoorOpening(DoorVia.Remote));
        _rig.Life.Open(new DoorOpening(DoorVia.Remote));

        _rig.Doors.Dispose();

        Assert.All(_rig.Doors.All, d => Assert.True(d.IsLocked));
        Assert.All(_rig.Doors.All, d => Assert.False(d.Open(new DoorOpening(DoorVia.Exit))));
    }

    public void Dispose() => _rig.Dispose();
}
