using Kiosk.Contract.Topics;

namespace Kiosk.Tests.Contract;

public sealed class KioskTopicsTests
{
    private readonly KioskTopics _topics = new("kiosk", "tyyz-0007");

    [Fact]
    public void Topics_DefaultRoot_ContractSection3Names()
    {
        Assert.Equal("kiosk/tyyz-0007/status", _topics.Status);
        Assert.Equal("kiosk/tyyz-0007/state", _topics.State);
        Assert.Equal("kiosk/tyyz-0007/telemetry", _topics.Telemetry);
        Assert.Equal("kiosk/tyyz-0007/events", _topics.Events);
        Assert.Equal("kiosk/tyyz-0007/cmd/+", _topics.CommandFilter);
        Assert.Equal("kiosk/tyyz-0007/cmd/lock", _topics.Command("lock"));
        Assert.Equal("kiosk/tyyz-0007/reply/r-1", _topics.Reply("r-1"));
        Assert.Equal("kiosk/+/events", KioskTopics.AllKiosks(KioskTopics.DefaultRoot, KioskTopics.EventsLeaf));
    }

    [Theory]
    [InlineData("kiosk/tyyz-0007/cmd/lock", "lock")]
    [InlineData("kiosk/tyyz-0007/cmd/", null)]
    [InlineData("kiosk/tyyz-0007/cmd/lock/x", null)]
    [InlineData("kiosk/other/cmd/lock", null)]
    public void CommandName_Topic_NameOnlyDirectlyUnderCmd(string topic, string? name) => Assert.Equal(name, _topics.CommandName(topic));

    [Theory]
    [InlineData("fleet/a/kiosk/tyyz-0007/reply/r-1", "tyyz-0007", "reply/r-1")]
    [InlineData("fleet/a/kiosk/tyyz-0007/events", "tyyz-0007", "events")]
    public void TryParse_TopicUnderRoot_KioskIdAndRest(string topic, string id, string rest)
    {
        Assert.True(KioskTopics.TryParse("fleet/a/kiosk", topic, out var kioskId, out var tail));
        Assert.Equal(id, kioskId);
        Assert.Equal(rest, tail);
    }

    [Theory]
    [InlineData("other/tyyz-0007/events")]
    [InlineData("kiosk/tyyz-0007")]
    [InlineData("kiosk/tyyz-0007/")]
    [InlineData("kiosk//events")]
    public void TryParse_NotAKioskTopic_False(string topic) => Assert.False(KioskTopics.TryParse("kiosk", topic, out _, out _));
}
