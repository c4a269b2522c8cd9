using Kiosk.Ctl;

namespace Kiosk.Tests.Ctl;

public sealed class LocalVerbTests
{
    [Fact]
    public async Task DoorMode_RecordedViaManual()
    {
        await using var f = await CtlFixture.StartAsync();

        var (code, stdout, stderr) = await f.RunAsync("door", "mode", "--mode", "out_of_service", "--door", "life");

        Assert.True(code == 0, stderr);
        Assert.Contains("mode: out_of_service", stdout, StringComparison.Ordinal);
        var e = f.Kiosk.Journal.ReadAfter(0, 100).Single(x => x.Type == "door.mode");
        Assert.Equal("""{"door":"life","mode":"out_of_service","via":"manual"}""", e.Fields.ToJsonString());
    }

    [Fact]
    public async Task DoorLock_DefaultDoor_Locked()
    {
        await using var f = await CtlFixture.StartAsync();

        var (code, stdout, _) = await f.RunAsync("door", "lock");

        Assert.Equal(0, code);
        Assert.Contains("door: rest", stdout, StringComparison.Ordinal);
        Assert.Contains("lock: locked", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Door_UnknownDoor_ExitOneWithReason()
    {
        await using var f = await CtlFixture.StartAsync();

        var (code, _, stderr) = await f.RunAsync("door", "lock", "--door", "attic");

        Assert.Equal(1, code);
        Assert.Contains("lock: unknown_door", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("door", "open")]
    [InlineData("door", "mode", "--mode", "party")]
    [InlineData("power", "on")]
    [InlineData("power", "explode", "--circuit", "outlet")]
    [InlineData("announce", "--text", "hi", "--clip", "chime")]
    [InlineData("announce")]
    [InlineData("announce", "--text", "hi", "--volume", "loud")]
    [InlineData("announce", "--text", "hi", "--priority", "panic")]
    [InlineData("maintenance", "maybe")]
    [InlineData("watch", "--interval", "0")]
    public async Task Verb_BadUsage_ExitTwo(params string[] args)
    {
        await using var f = await CtlFixture.StartAsync();

        var (code, _, stderr) = await f.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("usage: kioskctl", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Power_CommandNotOnThisKiosk_ExitOneNamingIt()
    {
        await using var f = await CtlFixture.StartAsync();

        var (code, _, stderr) = await f.RunAsync("power", "off", "--circuit", "outlet");

        Assert.Equal(1, code);
        Assert.Contains("power: unknown_command", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maintenance_On_RootOnly()
    {
        await using var f = await CtlFixture.StartAsync();

        var (code, stdout, stderr) = await f.RunAsync("maintenance", "on");

        if (Environment.UserName == "root" || GetUid() == 0)
        {
            Assert.True(code == 0, stderr);
            Assert.Contains("active: true", stdout, StringComparison.Ordinal);
            Assert.True(f.Maintenance.IsActive);
        }
        else
        {
            Assert.Equal(4, code);
            Assert.Contains("needs local root", stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Maintenance_Status_ShowsOff()
    {
        await using var f = await CtlFixture.StartAsync();

        var (code, stdout, _) = await f.RunAsync("maintenance");

        Assert.Equal(0, code);
        Assert.Contains("active: false", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_AsACrewUsesThem_ListsAndFiltersBySeq()
    {
        await using var f = await CtlFixture.StartAsync();
        await f.RunAsync("door", "mode", "--mode", "hold_open", "--door", "rest");
        await f.RunAsync("door", "mode", "--mode", "normal", "--door", "rest");
        var first = f.Kiosk.Journal.LastSeq - 1;

        var (code, stdout, _) = await f.RunAsync("events");
        var (code2, since, _) = await f.RunAsync("events", "--since", first.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");

        Assert.Equal(0, code);
        Assert.Contains("door.mode", stdout, StringComparison.Ordinal);
        Assert.Contains("via=manual", stdout, StringComparison.Ordinal);
        Assert.Equal(0, code2);
        Assert.Single(since.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"mode\":\"normal\"", since, StringComparison.Ordinal);
    }

    private static int GetUid() => int.Parse(File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}
