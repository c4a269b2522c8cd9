using Polly;
using Polly.Retry;

namespace Kiosk.FleetSim.Mqtt;

/// <summary>
/// The kiosk's connect retry (its ReconnectPolicy): Polly exponential backoff with jitter from the base delay,
/// capped, forever; time and randomness injected. After a broker restart N kiosks spread their reconnects over it.
/// </summary>
internal static class ReconnectPipeline
{
    public static ResiliencePipeline Create(LinkOptions options, TimeProvider time, Func<double> random, Action<int, Exception?> onRetry) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ReconnectBaseDelay,
                MaxDelay = options.ReconnectMaxDelay,
                Randomizer = random,
                OnRetry = args =>
                {
                    onRetry(args.AttemptNumber + 1, args.Outcome.Exception);
                    return default;
                },
            })
            .Build();
}
