namespace Kiosk.Tokens.Validation;

/// <summary>
/// The time rule (RFC 7519 sections 4.1.4-4.1.6): a token is valid from <c>max(iat, nbf)</c> up to, not
/// including, <c>exp</c>; the clock skew widens both ends. Now comes from the validator's
/// <see cref="TimeProvider"/>, in milliseconds, so a token expires on the exact second.
/// </summary>
internal sealed class ValidityWindow
{
    private readonly TimeProvider _time;
    private readonly long _skewMs;

    /// <param name="skew">Allowed clock difference between issuer and kiosk; not negative (<see cref="TokenValidator"/> checks).</param>
    public ValidityWindow(TimeProvider time, TimeSpan skew)
    {
        _time = time;
        _skewMs = (long)skew.TotalMilliseconds;
    }

    /// <summary>expired, not_yet_valid (in that order), or null when now is inside the window.</summary>
    public DenyReason? Check(in PayloadClaims claims)
    {
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (nowMs >= (claims.Exp * 1000) + _skewMs)
        {
            return DenyReason.Expired;
        }

        if ((claims.HasNbf && (claims.Nbf * 1000) - _skewMs > nowMs) || (claims.Iat * 1000) - _skewMs > nowMs)
        {
            return DenyReason.NotYetValid;
        }

        return null;
    }
}
