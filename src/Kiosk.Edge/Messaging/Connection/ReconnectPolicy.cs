using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Kiosk.Edge.Messaging.Connection;

/// <summary>
/// How long to wait before connecting: a random start delay (so a fleet that lost its broker
/// does not come back in lock-step) and Polly's exponential backoff with jitter, capped, between
/// failed connect attempts. Time and randomness are injected so tests can pin both.
/// </summary>
internal sealed class ReconnectPolicy
{
    private readonly MqttOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<double> _random;

    public ReconnectPolicy(IOptions<MqttOptions> options, TimeProvider time)
        : this(options.Value, time, Random.Shared.NextDouble)
    {
    }

    internal ReconnectPolicy(MqttOptions options, TimeProvider time, Func<double> random)
    {
        _options = options;
        _time = time;
        _random = random;
    }

    public TimeSpan StartDelay() => _options.StartDelayMax * _random();

    /// <summary>
    /// A pipeline that runs one connect attempt until it succeeds: every failure (except cancellation)
    /// is retried after the next backoff delay. <paramref name="onRetry"/> sees attempt number, delay and error.
    /// </summary>
    public ResiliencePipeline CreateConnectPipeline(Action<int, TimeSpan, Exception?> onRetry) =>
        new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.Reconnect.BaseDelay,
                MaxDelay = _options.Reconnect.MaxDelay,
                Randomizer = _random,
                OnRetry = args =>
                {
                    onRetry(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception);
                    return default;
                },
            })
            .Build();
}
