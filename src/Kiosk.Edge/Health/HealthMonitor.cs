using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.State;
using Microsoft.Extensions.Options;
using Kiosk.Contract.Json;
using Kiosk.Contract.State;

namespace Kiosk.Edge.Health;

/// <summary>
/// What the service knows about its own health. Loops listed in <c>Health:Loops</c> call
/// <see cref="Beat"/> once per iteration; checks (storage, broker) call <see cref="Report"/>.
/// Live = every required loop beat within its deadline; ready = live, storage writable and,
/// unless <c>Health:RequireBroker</c> is false, the broker link up. The systemd watchdog is fed
/// only while live, so a hung door loop gets the service restarted; the broker never affects
/// liveness because an offline kiosk must still open its doors.
/// </summary>
internal sealed class HealthMonitor
{
    /// <summary>The door control loop: the one loop whose silence means the kiosk cannot do its job.</summary>
    public const string DoorLoop = "doors";

    /// <summary>The state directory accepts writes (reported by <see cref="HealthCheckService"/>).</summary>
    public const string Storage = "storage";

    /// <summary>The MQTT link; taken from the <c>link</c> state section's <c>connected</c>.</summary>
    public const string Broker = "broker";

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly StateBoard _state;
    private readonly HealthOptions _options;
    private readonly long _startedAt;
    private readonly Dictionary<string, LoopState> _loops = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, CheckState> _checks = new(StringComparer.Ordinal);

    public HealthMonitor(TimeProvider time, StateBoard state, IOptions<HealthOptions> options)
    {
        _time = time;
        _state = state;
        _options = options.Value;
        _startedAt = time.GetTimestamp();
        foreach (var (loop, deadline) in _options.Loops)
        {
            _loops[loop] = new LoopState(deadline);
        }

        _state.Changed += OnStateChanged;
    }

    /// <summary>Records one iteration of <paramref name="loop"/>. Cheap; call it every iteration.</summary>
    public void Beat(string loop)
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (_loops.TryGetValue(loop, out var state))
            {
                state.LastBeat = now;
            }
        }
    }

    /// <summary>Records the outcome of a check such as <see cref="Storage"/> or <see cref="Broker"/>.</summary>
    public void Report(string check, bool ok, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(check);
        lock (_gate)
        {
            if (!_checks.TryGetValue(check, out var state) || state.Ok != ok)
            {
                _checks[check] = new CheckState(ok, _time.GetUtcNow(), detail);
            }
            else
            {
                state.Detail = detail;
            }
        }
    }

    /// <summary>Evaluates liveness and readiness now and publishes the <c>health</c> state section.</summary>
    public HealthSnapshot Evaluate()
    {
        var now = _time.GetTimestamp();
        var checks = new Dictionary<string, HealthCheckState>(StringComparer.Ordinal);
        var silent = new List<string>();
        bool live = true, ready;
        lock (_gate)
        {
            foreach (var (name, loop) in _loops.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                var ok = loop.LastBeat is { } last
                    ? _time.GetElapsedTime(last, now) <= loop.Deadline
                    : _time.GetElapsedTime(_startedAt, now) <= _options.StartupGrace;
                if (ok != loop.Ok)
                {
                    loop.Ok = ok;
                    loop.Since = _time.GetUtcNow();
                }

                live &= ok;
                if (!ok)
                {
                    silent.Add(name);
                }

                checks[name] = Node(ok, loop.Since, ok ? null : loop.LastBeat is null ? "never beat" : $"no beat within {loop.Deadline:c}");
            }

            ready = live && IsOk(Storage) && (!_options.RequireBroker || IsOk(Broker));
            foreach (var (name, check) in _checks)
            {
                checks[name] = Node(check.Ok, check.Since, check.Detail);
            }

            string[] required = _options.RequireBroker ? [Storage, Broker] : [Storage];
            foreach (var name in required)
            {
                checks.TryAdd(name, Node(false, null, "not reported yet"));
            }
        }

        _state.Set(StateSections.Health, new HealthState(live, ready, checks), ContractJsonContext.Default.HealthState);
        return new HealthSnapshot(live, ready, silent, checks.Where(c => !c.Value.Ok).Select(c => c.Key).ToArray());
    }

    private bool IsOk(string check) => _checks.TryGetValue(check, out var state) && state.Ok;

    private static HealthCheckState Node(bool ok, DateTimeOffset? since, string? detail) => new(ok, since, detail);

    private void OnStateChanged(string section)
    {
        if (section != StateSections.Link)
        {
            return;
        }

        var connected = _state.Get(StateSections.Link)?["connected"] is JsonValue v && v.GetValueKind() == JsonValueKind.True;
        Report(Broker, connected);
    }

    private sealed class LoopState(TimeSpan deadline)
    {
        public TimeSpan Deadline { get; } = deadline;

        public long? LastBeat { get; set; }

        public bool Ok { get; set; } = true;

        public DateTimeOffset? Since { get; set; }
    }

    private sealed class CheckState(bool ok, DateTimeOffset since, string? detail)
    {
        public bool Ok { get; } = ok;

        public DateTimeOffset Since { get; } = since;

        public string? Detail { get; set; } = detail;
    }
}
