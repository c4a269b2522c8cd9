using Kiosk.Edge.Messaging.Connection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using StateBoard = Kiosk.Edge.State.StateBoard;
using Kiosk.Contract.Json;

namespace Kiosk.Edge.Messaging.State;

/// <summary>Publishes the retained <c>state</c> (the whole board plus <c>ts</c>): on change, coalesced, and after every (re)connect.</summary>
internal sealed partial class StatePublisher : BackgroundService
{
    private readonly MqttLink _link;
    private readonly StateBoard _board;
    private readonly TimeProvider _time;
    private readonly ILogger<StatePublisher> _logger;
    private readonly StateCoalescer _coalescer;
    private readonly AsyncSignal _wake = new();
    private readonly TimeSpan _retryDelay;
    private long _publishedGeneration;

    public StatePublisher(MqttLink link, StateBoard board, IOptions<MqttOptions> options, TimeProvider time, ILogger<StatePublisher> logger)
    {
        _link = link;
        _board = board;
        _time = time;
        _logger = logger;
        _coalescer = new StateCoalescer(options.Value.State.MinInterval, time);
        _retryDelay = options.Value.OperationTimeout;
        _board.Changed += _ =>
        {
            _coalescer.MarkDirty();
            _wake.Pulse();
        };
        _link.SessionStarted += _wake.Pulse;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _link.WaitForSessionAsync(stoppingToken).ConfigureAwait(false);
            var delay = NextDelay();
            if (delay is null)
            {
                await _wake.WaitAsync(Timeout.InfiniteTimeSpan, _time, stoppingToken).ConfigureAwait(false);
            }
            else if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay.Value, _time, stoppingToken).ConfigureAwait(false);
            }
            else if (!await PublishOnceAsync(stoppingToken).ConfigureAwait(false))
            {
                await _wake.WaitAsync(_retryDelay, _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Null when there is nothing to publish; a new session always has something (the retained state must be fresh).</summary>
    internal TimeSpan? NextDelay()
    {
        if (_link.Generation != Interlocked.Read(ref _publishedGeneration))
        {
            _coalescer.MarkDirty();
        }

        return _coalescer.DelayUntilDue();
    }

    internal async Task<bool> PublishOnceAsync(CancellationToken cancellationToken)
    {
        var generation = _link.Generation;
        _coalescer.BeginPublish();
        var state = _board.Snapshot();
        state["ts"] = WireTimestamp.Format(_time.GetUtcNow());
        try
        {
            var result = await _link.PublishAsync(_link.Topics.State, state, MqttQualityOfServiceLevel.AtLeastOnce, retain: true, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                throw new MqttLinkException($"broker refused the state: {result.ReasonCode}");
            }

            Interlocked.Exchange(ref _publishedGeneration, generation);
            return true;
        }
        catch (Exception e) when (MqttFailures.IsTransient(e, cancellationToken))
        {
            _coalescer.MarkDirty();
            LogFailed(e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT state not published: {Error}")]
    private partial void LogFailed(string error);
}
