using Kiosk.Edge.Events;
using Kiosk.Edge.State;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;

namespace Kiosk.Edge.Intercom;

/// <summary>The "intercom" state section: help call, what is playing, queue length, amplifier.</summary>
internal sealed class IntercomStatus
{
    private readonly Lock _gate = new();
    private readonly StateBoard _state;
    private DateTimeOffset? _helpSince;
    private PlayingState? _playing;
    private int _queueLength;
    private bool _ampOn;

    public IntercomStatus(StateBoard state)
    {
        _state = state;
        Publish();
    }

    public bool HelpPending
    {
        get
        {
            lock (_gate)
            {
                return _helpSince is not null;
            }
        }
    }

    public int QueueLength
    {
        get
        {
            lock (_gate)
            {
                return _queueLength;
            }
        }
    }

    public void SetHelp(DateTimeOffset? since) => Update(() => _helpSince = since);

    public void SetPlaying(Announcement? playing) => Update(() => _playing = playing is null ? null : new PlayingState(playing.KindName, playing.PriorityName));

    public void SetQueueLength(int length) => Update(() => _queueLength = length);

    public void SetAmp(bool on) => Update(() => _ampOn = on);

    private void Update(Action change)
    {
        lock (_gate)
        {
            change();
        }

        Publish();
    }

    private void Publish()
    {
        IntercomState state;
        lock (_gate)
        {
            state = new IntercomState(new HelpState(_helpSince is not null, _helpSince), _playing, _queueLength, _ampOn);
        }

        _state.Set(StateSections.Intercom, state, ContractJsonContext.Default.IntercomState);
    }
}
