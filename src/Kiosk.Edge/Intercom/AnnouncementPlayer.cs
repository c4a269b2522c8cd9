using Kiosk.Edge.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Kiosk.Contract.Events;
using Kiosk.Contract.Vocabulary;

namespace Kiosk.Edge.Intercom;

/// <summary>
/// Plays queued announcements one at a time: renders text (or takes the clip), applies the volume,
/// enables the amplifier <see cref="IntercomOptions.PreRoll"/> before the sound and keeps it on for
/// <see cref="IntercomOptions.HangTime"/> after (an announcement that follows within the hang time
/// plays at once), then records <c>intercom.announced</c>.
/// </summary>
internal sealed partial class AnnouncementPlayer : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly AnnouncementQueue _queue;
    private readonly SpeechSynthesizer _speech;
    private readonly AudioSink _sink;
    private readonly SwitchedOutput _amp;
    private readonly QuietHours _quiet;
    private readonly EventJournal _journal;
    private readonly IntercomStatus _status;
    private readonly TimeProvider _time;
    private readonly ILogger<AnnouncementPlayer> _logger;
    private readonly TimeSpan _preRoll;
    private readonly TimeSpan _hangTime;
    private readonly string _workDirectory;
    private ITimer? _hang;
    private bool _sounding;

    public AnnouncementPlayer(
        AnnouncementQueue queue,
        SpeechSynthesizer speech,
        AudioSink sink,
        SwitchedOutput amp,
        QuietHours quiet,
        IntercomOptions options,
        string workDirectory,
        EventJournal journal,
        IntercomStatus status,
        TimeProvider time,
        ILogger<AnnouncementPlayer> logger)
    {
        _queue = queue;
        _speech = speech;
        _sink = sink;
        _amp = amp;
        _quiet = quiet;
        _journal = journal;
        _status = status;
        _time = time;
        _logger = logger;
        _preRoll = options.PreRoll;
        _hangTime = options.HangTime;
        _workDirectory = workDirectory;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PlayNextAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        Silence();
    }

    /// <summary>Waits for the next announcement and plays it (one step of the loop).</summary>
    public async Task PlayNextAsync(CancellationToken cancellationToken)
    {
        var item = await _queue.DequeueAsync(cancellationToken).ConfigureAwait(false);
        if (item.Priority == AnnouncementPriority.Info && _quiet.IsQuiet(_time.GetUtcNow()))
        {
            // Queued just before quiet hours began: it no longer may play.
            LogSuppressed(item.KindName);
            return;
        }

        Directory.CreateDirectory(_workDirectory);
        var stem = Path.Combine(_workDirectory, Guid.CreateVersion7(_time.GetUtcNow()).ToString("N"));
        var speech = stem + "-speech.wav";
        var ready = stem + ".wav";
        _status.SetPlaying(item);
        try
        {
            TimeSpan duration;
            try
            {
                if (item.Text is { } text)
                {
                    await _speech.RenderAsync(text, speech, cancellationToken).ConfigureAwait(false);
                }

                duration = WavFile.CopyWithGain(item.Text is not null ? speech : item.ClipPath!, ready, item.Volume / 100.0);
            }
            catch (Exception e) when (e is ExternalProcessException or IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Failed(item, "render_failed", e);
                return;
            }

            await AmplifierOnAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _sink.PlayAsync(ready, duration, cancellationToken).ConfigureAwait(false);
            }
            catch (ExternalProcessException e)
            {
                Failed(item, "play_failed", e);
                return;
            }

            _journal.Append(new IntercomAnnounced(
                item.KindName,
                item.PriorityName,
                Math.Round(duration.TotalSeconds, 2),
                item.Volume,
                item.Via == Commands.CommandVia.Remote ? Vias.Remote : Vias.Manual,
                item.Text?.Length,
                item.Text is null ? item.ClipName : null));
        }
        finally
        {
            _status.SetPlaying(null);
            StartHang();
            File.Delete(speech);
            File.Delete(ready);
        }
    }

    public override void Dispose()
    {
        Silence();
        base.Dispose();
    }

    private async Task AmplifierOnAsync(CancellationToken cancellationToken)
    {
        Task? preRoll = null;
        lock (_gate)
        {
            _hang?.Dispose();
            _hang = null;
            _sounding = true;
            if (!_amp.IsOn)
            {
                // The wait starts before the amplifier switches on: the pre-roll is never shorter than configured.
                preRoll = Task.Delay(_preRoll, _time, cancellationToken);
                _amp.Set(true);
            }
        }

        _status.SetAmp(true);
        if (preRoll is not null)
        {
            await preRoll.ConfigureAwait(false);
        }
    }

    private void StartHang()
    {
        lock (_gate)
        {
            _sounding = false;
            if (!_amp.IsOn)
            {
                return;
            }

            _hang?.Dispose();
            _hang = _time.CreateTimer(_ => HangOver(), null, _hangTime, Timeout.InfiniteTimeSpan);
        }
    }

    private void HangOver()
    {
        lock (_gate)
        {
            if (_sounding || !_amp.IsOn)
            {
                return;
            }

            _amp.Set(false);
        }

        _status.SetAmp(false);
    }

    private void Silence()
    {
        lock (_gate)
        {
            _hang?.Dispose();
            _hang = null;
            _amp.Set(false);
        }

        _status.SetAmp(false);
    }

    private void Failed(Announcement item, string reason, Exception e)
    {
        LogFailed(item.KindName, reason, e.Message);
        _journal.Append(new IntercomAnnounceFailed(item.KindName, item.PriorityName, reason));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Info announcement ({Kind}) dropped: quiet hours began while it waited")]
    private partial void LogSuppressed(string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Announcement ({Kind}) failed: {Reason}: {Message}")]
    private partial void LogFailed(string kind, string reason, string message);
}
