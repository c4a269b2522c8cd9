namespace Kiosk.Edge.TrustedTime;

/// <summary>What <see cref="TrustedClock.OfferVerifiedIat"/> did with a trusted token's <c>iat</c>.</summary>
internal enum IatOutcome
{
    /// <summary>At or behind the floor: nothing to learn (a signed token never moves time back).</summary>
    NotAhead,

    /// <summary>The floor moved forward to the <c>iat</c>.</summary>
    Advanced,

    /// <summary>Ahead of the floor by more than <c>Clock:MaxIatLead</c>: ignored as an issuer fault.</summary>
    TooFarAhead,
}
