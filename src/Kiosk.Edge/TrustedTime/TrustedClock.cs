namespace Kiosk.Edge.TrustedTime;

/// <summary>
/// The trusted-time floor every time-based token check runs against: the maximum of the system
/// clock, the last good time persisted before the previous stop, and the newest <c>iat</c> of a token
/// whose signature verified with a trusted key. A persisted or token time is carried forward with
/// the monotonic clock (<see cref="TimeProvider.GetTimestamp"/>), so the floor keeps running while
/// the system clock is wrong; it never goes backwards, whatever the system clock does.
/// </summary>
/// <remarks>
/// Only <see cref="GetUtcNow"/> is changed: timestamps and timers are the inner provider's, so
/// anything that measures durations is unaffected. Thread-safe.
/// </remarks>
internal sealed class TrustedClock : TimeProvider
{
    /// <summary>The floor is the system clock (or an earlier reading of it that the clock has since stepped back from).</summary>
    public const string SystemSource = "system";

    /// <summary>The floor is the last good time persisted before the previous stop.</summary>
    public const string PersistedSource = "persisted";

    /// <summary>The floor is the <c>iat</c> of a token signed by a trusted key.</summary>
    public const string TokenSource = "token";

    private readonly Lock _gate = new();
    private readonly TimeProvider _system;
    private readonly TimeSpan _maxIatLead;
    private DateTimeOffset _anchor;
    private long _anchorTimestamp;
    private DateTimeOffset? _newestIat;
    private string _source = SystemSource;

    /// <param name="system">The system clock (wall time and the monotonic timestamps).</param>
    /// <param name="persisted">The last good time read from the state store; null on a first start.</param>
    /// <param name="maxIatLead">
    /// How far past the floor a trusted token's <c>iat</c> may move it; a token further ahead is an
    /// issuer fault and leaves the floor alone (else one bad token expires every pass until real time catches up).
    /// </param>
    public TrustedClock(TimeProvider system, DateTimeOffset? persisted, TimeSpan maxIatLead)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxIatLead, TimeSpan.Zero);
        _system = system;
        _maxIatLead = maxIatLead;
        var now = system.GetUtcNow();
        _anchor = now;
        if (persisted is { } p && p > now)
        {
            _anchor = p;
            _source = PersistedSource;
        }

        _anchorTimestamp = system.GetTimestamp();
        PersistedAtStart = persisted;
    }

    /// <summary>The last good time loaded at start (null on a first start).</summary>
    public DateTimeOffset? PersistedAtStart { get; }

    /// <summary>The newest <c>iat</c> that advanced the floor, if any.</summary>
    public DateTimeOffset? NewestIat
    {
        get
        {
            lock (_gate)
            {
                return _newestIat;
            }
        }
    }

    /// <summary>Where the floor's current value came from: <see cref="SystemSource"/>, <see cref="PersistedSource"/> or <see cref="TokenSource"/>.</summary>
    public string Source
    {
        get
        {
            lock (_gate)
            {
                FloorLocked();
                return _source;
            }
        }
    }

    /// <summary>The system clock's reading, bypassing the floor.</summary>
    public DateTimeOffset SystemNow => _system.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => _system.LocalTimeZone;

    public override long TimestampFrequency => _system.TimestampFrequency;

    public override long GetTimestamp() => _system.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _system.CreateTimer(callback, state, dueTime, period);

    /// <summary>The floor: max(system clock, carried-forward anchor). Never decreases.</summary>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return FloorLocked();
        }
    }

    /// <summary>How far the system clock is behind the floor (zero when it is not behind).</summary>
    public TimeSpan SystemBehind()
    {
        lock (_gate)
        {
            var system = _system.GetUtcNow();
            var floor = FloorLocked();
            return floor > system ? floor - system : TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Offers the <c>iat</c> of a token whose signature verified with a trusted key. Moves the floor
    /// forward when it is ahead of it by at most the lead bound; never moves it backwards.
    /// </summary>
    public IatOutcome OfferVerifiedIat(DateTimeOffset iat)
    {
        lock (_gate)
        {
            var floor = FloorLocked();
            if (iat <= floor)
            {
                return IatOutcome.NotAhead;
            }

            if (iat - floor > _maxIatLead)
            {
                return IatOutcome.TooFarAhead;
            }

            _anchor = iat;
            _anchorTimestamp = _system.GetTimestamp();
            _newestIat = iat;
            _source = TokenSource;
            return IatOutcome.Advanced;
        }
    }

    private DateTimeOffset FloorLocked()
    {
        var timestamp = _system.GetTimestamp();
        var carried = _anchor + _system.GetElapsedTime(_anchorTimestamp, timestamp);
        var system = _system.GetUtcNow();
        if (system >= carried)
        {
            // Re-anchor on the system clock, so a later step back of the system clock cannot pull the floor back.
            _anchor = system;
            _anchorTimestamp = timestamp;
            _source = SystemSource;
            return system;
        }

        return carried;
    }
}
