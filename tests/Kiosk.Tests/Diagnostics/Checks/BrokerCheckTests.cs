using System.Text.Json.Nodes;
using Kiosk.Edge.Diagnostics;
using Kiosk.Edge.Diagnostics.Checks;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Diagnostics.Checks;

public sealed class BrokerCheckTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task RunAsync_ConnectedAndAnswering_PassesWithRoundTrip()
    {
        var probe = new FakeProbe(_time) { Connected = true, PingTakes = TimeSpan.FromMilliseconds(42) };

        var r = await new BrokerCheck(probe, _time).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Pass, r.Status);
        Assert.Equal("connected to broker.example:8883, ping round trip 42 ms", r.Detail);
    }

    [Fact]
    public async Task RunAsync_BrokerDown_FailsWithLastError()
    {
        var probe = new FakeProbe(_time) { Connected = false, Link = new JsonObject { ["connected"] = false, ["lastError"] = "Connection refused" } };

        var r = await new BrokerCheck(probe, _time).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Equal("not connected to broker.example:8883 (last error: Connection refused)", r.Detail);
        Assert.Contains("8883", r.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PingUnanswered_Fails()
    {
        var probe = new FakeProbe(_time) { Connected = true, Answers = false };

        var r = await new BrokerCheck(probe, _time).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Fail, r.Status);
        Assert.Contains("did not answer a ping", r.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SlowPing_Warns()
    {
        var probe = new FakeProbe(_time) { Connected = true, PingTakes = TimeSpan.FromSeconds(3) };

        var r = await new BrokerCheck(probe, _time).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CheckStatus.Warn, r.Status);
        Assert.Contains("3000 ms", r.Detail, StringComparison.Ordinal);
    }

    private sealed class FakeProbe(FakeTimeProvider time) : BrokerProbe
    {
        public bool Connected { get; init; }

        public bool Answers { get; init; } = true;

        public TimeSpan PingTakes { get; init; }

        public JsonNode? Link { get; init; }

        public override string Broker => "broker.example:8883";

        public override bool IsConnected => Connected;

        public override JsonNode? LinkState => Link;

        public override Task<bool> PingAsync(CancellationToken cancellationToken)
        {
            time.Advance(PingTakes);
            return Task.FromResult(Answers);
        }
    }
}
