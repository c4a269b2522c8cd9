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

    public void Dispose() => _rig.Dispose();
}
