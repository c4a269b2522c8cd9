using Kiosk.Edge.Commands;
using Kiosk.Edge.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Kiosk.Contract.Events;
using Kiosk.Contract.Vocabulary;

namespace Kiosk.Edge.Intercom;

/// <summary>
/// A call for help from the call button: raises <c>intercom.help</c> and lights the indicator until
/// an operator acknowledges (<c>ack_help</c>). Pressing again while the call is pending is not
/// ignored but raises at most one further <c>intercom.help</c> (with <c>repeat: true</c> and the
/// number of presses) per <see cref="IntercomOptions.HelpRepeatInterval"/>, so an anxious caller
/// cannot flood the operator.
/// </summary>
internal sealed partial class HelpCall
{
    private readonly Lock _gate = new();
    private readonly SwitchedOutput _lamp;
    private readonly EventJournal _journal;
    private readonly IntercomStatus _status;
    private readonly TimeProvider _time;
    private readonly ILogger<HelpCall> _logger;
    private readonly string? _cabin;
    private readonly TimeSpan _repeat;
    private DateTimeOffset? _since;
    private DateTimeOffset _lastRaised;
    private int _presses;

    public HelpCall(IOptions<IntercomOptions> options, SwitchedOutput lamp, EventJournal journal, IntercomStatus status, TimeProvider time, ILogger<HelpCall> logger)
    {
        _lamp = lamp;
        _journal = journal;
        _status = status;
        _time = time;
        _logger = logger;
        _cabin = options.Value.Cabin;
        _repeat = options.Value.HelpRepeatInterval;
    }

    public bool IsPending
    {
        get
        {
            lock (_gate)
            {
                return _since is not null;
            }
        }
    }

    /// <summary>The call button was pressed.</summary>
    public void Press()
    {
        IntercomHelp? raised = null;
        DateTimeOffset since;
        int presses;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _presses++;
            if (_since is null)
            {
                _since = now;
                _presses = 1;
                _lastRaised = now;
                raised = new IntercomHelp(false, _presses, _cabin);
            }
            else if (now - _lastRaised >= _repeat)
            {
                _lastRaised = now;
                raised = new IntercomHelp(true, _presses, _cabin);
            }

            since = _since.Value;
            presses = _presses;
        }

        _lamp.Set(true);
        _status.SetHelp(since);
        if (raised is not null)
        {
            LogHelp(_cabin ?? "-", presses);
            _journal.Append(raised);
        }
    }

    /// <summary>An operator acknowledged the call; false when none was pending.</summary>
    public bool Acknowledge(CommandVia via, string? sub)
    {
        DateTimeOffset since;
        lock (_gate)
        {
            if (_since is not { } s)
            {
                return false;
            }

            since = s;
            _since = null;
        }

        _lamp.Set(false);
        _status.SetHelp(null);
        _journal.Append(new IntercomHelpAck(
            via == CommandVia.Remote ? Vias.Remote : Vias.Manual, Math.Round((_time.GetUtcNow() - since).TotalSeconds, 1), _cabin, sub));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Help call from cabin {Cabin} ({Presses} presses)")]
    private partial void LogHelp(string cabin, int presses);
}
