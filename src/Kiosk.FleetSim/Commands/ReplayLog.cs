namespace Kiosk.FleetSim.Commands;

/// <summary>
/// Each <c>jti</c> is accepted once (contract section 2). Kept until the token's expiry plus the clock skew, when it
/// could not be accepted anyway; in memory (a simulated kiosk's restart is a new installation).
/// </summary>
internal sealed class ReplayLog(TimeSpan clockSkew)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>False when <paramref name="jti"/> was seen before; otherwise remembers it.</summary>
    public bool TryConsume(string jti, DateTimeOffset exp, DateTimeOffset now)
    {
        if (_seen.Count > 1024)
        {
            foreach (var (key, until) in _seen.ToList())
            {
                if (until < now)
                {
                    _seen.Remove(key);
                }
            }
        }

        return _seen.TryAdd(jti, exp + clockSkew);
    }
}
