namespace Kiosk.Edge.TrustedTime;

/// <summary>
/// Notices a clock running ahead from the passes it refuses. A pass is minted just before it is
/// scanned, so when several different validly signed passes in a short time are all refused
/// <c>expired</c> with their <c>iat</c> about the same distance behind the trusted time, that
/// distance is how far the clock runs ahead. One expired pass proves nothing (an old screenshot looks
/// the same), and nothing here ever moves the clock: a signed token cannot move time backwards.
/// Report only. Thread-safe.
/// </summary>
internal sealed class ClockAheadDetector(TimeProvider time, TimeSpan agreement)
{
    /// <summary>Distinct refused passes that must agree before the clock is called ahead.</summary>
    public const int Evidence = 3;

    /// <summary>How long a refused pass counts as evidence (monotonic time).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset Iat, TimeSpan Lag, long At)> _seen = [];
    private TimeSpan? _suspected;

    /// <summary>The estimated lead of the clock while suspected; null otherwise.</summary>
    public TimeSpan? SuspectedAhead
    {
        get
        {
            lock (_gate)
            {
                return _suspected;
            }
        }
    }

    /// <summary>A validly signed pass refused as expired: its <c>iat</c> and the trusted time it was checked at.</summary>
    public void ObserveExpired(DateTimeOffset iat, DateTimeOffset trustedNow)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            _seen.RemoveAll(s => time.GetElapsedTime(s.At, now) > Window || s.Iat == iat);
            _seen.Add((iat, trustedNow - iat, now));
            if (_seen.Count < Evidence)
            {
                return;
            }

            var lags = _seen.Select(s => s.Lag).Order().ToArray();
            for (var i = 0; i + Evidence <= lags.Length; i++)
            {
                if (lags[i + Evidence - 1] - lags[i] <= agreement)
                {
                    _suspected = lags[i];
                    return;
                }
            }
        }
    }

    /// <summary>A pass was accepted: the clock is not so far ahead that it refuses fresh passes.</summary>
    public void ObserveAccepted()
    {
        lock (_gate)
        {
            _seen.Clear();
            _suspected = null;
        }
    }
}
