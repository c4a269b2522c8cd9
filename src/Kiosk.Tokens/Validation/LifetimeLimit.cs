namespace Kiosk.Tokens.Validation;

/// <summary>
/// lifetime_too_long: <c>exp - iat</c> over the longest lifetime for the token's kind, a pass (no
/// <c>cmd</c>, or <c>cmd</c> = <c>unlock</c>) or another command. Bounds what a leaked token is worth.
/// </summary>
internal sealed class LifetimeLimit
{
    private readonly long _maxPassSeconds;
    private readonly long _maxCommandSeconds;

    /// <param name="maxPass">Longest pass lifetime; positive (<see cref="TokenValidator"/> checks); whole seconds count.</param>
    /// <param name="maxCommand">Longest lifetime of any other command; positive (<see cref="TokenValidator"/> checks); whole seconds count.</param>
    public LifetimeLimit(TimeSpan maxPass, TimeSpan maxCommand)
    {
        _maxPassSeconds = (long)maxPass.TotalSeconds;
        _maxCommandSeconds = (long)maxCommand.TotalSeconds;
    }

    /// <summary>True when the token may live longer than its kind allows.</summary>
    public bool IsExceeded(in PayloadClaims claims) =>
        claims.Exp - claims.Iat > (claims.IsPass ? _maxPassSeconds : _maxCommandSeconds);
}
