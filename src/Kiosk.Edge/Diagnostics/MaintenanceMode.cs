using System.Text.Json.Nodes;
using Kiosk.Edge.Events;
using Kiosk.Edge.State;
using Microsoft.Extensions.Options;

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
            _journal.Append("maintenance.on", Fields(via, sub));
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

        _journal.Append("maintenance.off", Fields(via, sub));
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

    private static JsonObject Fields(string via, string? sub)
    {
        var o = new JsonObject { ["via"] = via };
        if (sub is not null)
        {
            o["sub"] = sub;
        }

        return o;
    }

    private void Publish()
    {
        JsonObject node;
        lock (_gate)
        {
            node = _until is { } until
                ? new JsonObject
                {
                    ["active"] = true,
                    ["since"] = KioskEvent.FormatTimestamp(_since),
                    ["until"] = KioskEvent.FormatTimestamp(until),
                    ["via"] = _via,
                }
                : new JsonObject { ["active"] = false };
        }

        _state.Set("maintenance", node);
    }
}
