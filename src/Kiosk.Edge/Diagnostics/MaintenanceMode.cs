using Kiosk.Edge.Events;
using Kiosk.Edge.State;
using Microsoft.Extensions.Options;
using Kiosk.Contract.Events;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;

namespace Kiosk.Edge.Diagnostics;

/// <summary>
/// Whether a maintenance crew is working on the kiosk: entered with a maintenance pass or
/// <c>kioskctl maintenance on</c> as local root; gates the tests that move hardware. It ends by
/// itself after <see cref="MaintenanceOptions.Timeout"/>.
/// </summary>
internal sealed class MaintenanceMode : IDisposable
{
    private readonly Lock _gate = new();
    private readonly EventJournal _journal;
    private readonly StateBoard _state;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private DateTimeOffset? _until;
    private DateTimeOffset _since;
    private string _via = "";
    private ITimer? _expiry;

    public MaintenanceMode(EventJournal journal, StateBoard state, TimeProvider time, IOptions<MaintenanceOptions> options)
    {
        _journal = journal;
        _state = state;
        _time = time;
        _timeout = options.Value.Timeout;
        Publish();
    }

    public bool IsActive
    {
        get
        {
            ExpireIfDue();
            lock (_gate)
            {
                return _until is not null;
            }
        }
    }

    /// <summary>Enters (or extends) maintenance mode. <paramref name="via"/> is scan, remote or manual.</summary>
    public void Enter(string via, string? sub)
    {
        bool entered;
        lock (_gate)
        {
            entered = _until is null;
            var now = _time.GetUtcNow();
            if (entered)
            {
                _since = now;
            }

            _until = now + _timeout;
            _via = via;
            _expiry?.Dispose();
            _expiry = _time.CreateTimer(_ => ExpireIfDue(), null, _timeout, Timeout.InfiniteTimeSpan);
        }

        if (entered)
        {
            _journal.Append(new MaintenanceOn(via, sub));
        }

        Publish();
    }

    public void Exit(string via, string? sub)
    {
        lock (_gate)
        {
            if (_until is null)
            {
                return;
            }

            _until = null;
        }

        _journal.Append(new MaintenanceOff(via, sub));
        Publish();
    }

    public void Dispose() => _expiry?.Dispose();

    private void ExpireIfDue()
    {
        bool expired;
        lock (_gate)
        {
            expired = _until is { } until && _time.GetUtcNow() >= until;
        }

        if (expired)
        {
            Exit("timeout", null);
        }
    }

    private void Publish()
    {
        MaintenanceState state;
        lock (_gate)
        {
            state = _until is { } until ? new MaintenanceState(true, _since, until, _via) : new MaintenanceState(false);
        }

        _state.Set(StateSections.Maintenance, state, ContractJsonContext.Default.MaintenanceState);
    }
}
