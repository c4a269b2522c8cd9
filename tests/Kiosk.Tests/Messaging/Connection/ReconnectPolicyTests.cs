using Kiosk.Edge.Messaging;
using Kiosk.Edge.Messaging.Connection;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Messaging.Connection;

public sealed class ReconnectPolicyTests
{
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.5, 15)]
    [InlineData(0.999, 29.97)]
    public void StartDelay_Randomness_ScalesWithinConfiguredMax(double random, double expectedSeconds)
    {
        var policy = new ReconnectPolicy(new MqttOptions(), _time, () => random);

        Assert.Equal(expectedSeconds, policy.StartDelay().TotalSeconds, precision: 6);
    }

    [Fact]
    public void StartDelay_Development_Zero()
    {
        var policy = new ReconnectPolicy(new MqttOptions { StartDelayMax = TimeSpan.Zero }, _time, () => 0.9);

        Assert.Equal(TimeSpan.Zero, policy.StartDelay());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public async Task ConnectPipeline_RepeatedFailures_DelaysJitteredGrowingAndCappedAtMax(int seed)
    {
        var random = new Random(seed);
        var options = new MqttOptions { Reconnect = { BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromMinutes(5) } };
        var delays = new List<TimeSpan>();
        var pipeline = new ReconnectPolicy(options, _time, random.NextDouble).CreateConnectPipeline((_, delay, _) =>
        {
            lock (delays)
            {
                delays.Add(delay);
            }
        });
        var attempts = 0;

        var run = pipeline.ExecuteAsync(
            _ => ++attempts < 30 ? throw new IOException("broker unreachable") : ValueTask.CompletedTask,
            TestContext.Current.CancellationToken).AsTask();
        while (!run.IsCompleted)
        {
            await WaitForCountAsync(delays, attempts);
            TimeSpan last;
            lock (delays)
            {
                last = delays[^1];
            }

            _time.Advance(last);
        }

        await run;
        Assert.Equal(29, delays.Count);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(5)));
        Assert.True(delays.Take(3).Max() < TimeSpan.FromSeconds(20), string.Join(", ", delays));
        // After ~20 failures the exponential has long passed the cap: waits sit near 5 minutes.
        Assert.True(delays.Skip(20).Average(d => d.TotalSeconds) > 120, string.Join(", ", delays));
        Assert.True(delays.Skip(20).Distinct().Count() > 1 || delays.Skip(20).All(d => d == TimeSpan.FromMinutes(5)), "jitter spreads the fleet");
    }

    [Fact]
    public async Task ConnectPipeline_Cancelled_StopsRetrying()
    {
        using var cts = new CancellationTokenSource();
        var pipeline = new ReconnectPolicy(new MqttOptions(), _time, () => 0.5).CreateConnectPipeline((_, _, _) => cts.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            pipeline.ExecuteAsync(_ => throw new IOException("down"), cts.Token).AsTask());
    }

    private static async Task WaitForCountAsync(List<TimeSpan> delays, int atLeast)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            lock (delays)
            {
                if (delays.Count >= atLeast)
                {
                    return;
                }
            }

            await Task.Yield();
            cts.Token.ThrowIfCancellationRequested();
        }
    }
}

public sealed class LinkSupervisorTests
{
    [Theory]
    [InlineData(120, 110)]
    [InlineData(20, 15)]
    [InlineData(5, 3.75)]
    public void CheckInterval_KeepAlive_PingsJustBeforeMqttNetWould(double keepAlive, double expected) =>
        Assert.Equal(expected, Kiosk.Edge.Messaging.Connection.LinkSupervisor.CheckInterval(TimeSpan.FromSeconds(keepAlive)).TotalSeconds, precision: 6);
}
