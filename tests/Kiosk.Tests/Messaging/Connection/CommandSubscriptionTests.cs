using Kiosk.Edge.Messaging;
using Kiosk.Edge.Messaging.Connection;
using MQTTnet.Protocol;

namespace Kiosk.Tests.Messaging.Connection;

public sealed class CommandSubscriptionTests
{
    [Fact]
    public void CommandSubscription_Mqtt5_NoRetainedOnSubscribeAndRetainAsPublished()
    {
        var filter = LinkSupervisor.CommandSubscription("kiosk/tyyz-0007/cmd/+", MqttLinkProtocol.V500);

        Assert.Equal("kiosk/tyyz-0007/cmd/+", filter.Topic);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, filter.QualityOfServiceLevel);
        Assert.Equal(MqttRetainHandling.DoNotSendOnSubscribe, filter.RetainHandling);
        Assert.True(filter.RetainAsPublished);
    }

    [Fact]
    public void CommandSubscription_Mqtt311_PlainQos1()
    {
        var filter = LinkSupervisor.CommandSubscription("kiosk/tyyz-0007/cmd/+", MqttLinkProtocol.V311);

        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, filter.QualityOfServiceLevel);
        Assert.Equal(MqttRetainHandling.SendAtSubscribe, filter.RetainHandling);
        Assert.False(filter.RetainAsPublished);
    }
}
