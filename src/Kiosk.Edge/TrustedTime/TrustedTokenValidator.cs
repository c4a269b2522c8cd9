using Kiosk.Tokens;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.TrustedTime;

/// <summary>
/// The token validator on trusted time: the validator's clock is the <see cref="TrustedClock"/>,
/// and after a signature verified the token's <c>iat</c> is offered to it. A pass refused only as
/// <c>not_yet_valid</c> has a verified signature, issuer, audience and lifetime (the validator checks
/// time after those), so when its <c>iat</c> moves the floor forward it is checked once more: a
/// kiosk whose clock lost an hour in a power cut opens for a freshly minted pass. A forged token
/// fails before time is looked at and never moves anything. Passes refused as <c>expired</c> feed
/// the <see cref="ClockAheadDetector"/>.
/// </summary>
internal sealed partial class TrustedTokenValidator(
    TokenValidator validator,
    TrustedClock clock,
    ClockAheadDetector ahead,
    ILogger<TrustedTokenValidator> logger)
{
    /// <summary>Validates like <see cref="TokenValidator.Validate(string?)"/>, against the trusted time.</summary>
    public TokenValidationResult Validate(string token)
    {
        var result = validator.Validate(token);
        if (result.Token is { } valid)
        {
            clock.OfferVerifiedIat(valid.Iat);
            ahead.ObserveAccepted();
            return result;
        }

        switch (result.Reason)
        {
            case DenyReason.NotYetValid when SignedIssuedAt.TryRead(token, out var iat):
                var outcome = clock.OfferVerifiedIat(iat);
                if (outcome == IatOutcome.Advanced)
                {
                    LogAdvanced(iat);
                    return Validate(token);
                }

                if (outcome == IatOutcome.TooFarAhead)
                {
                    LogTooFarAhead(iat, clock.GetUtcNow());
                }

                break;
            case DenyReason.Expired when SignedIssuedAt.TryRead(token, out var iat):
                ahead.ObserveExpired(iat, clock.GetUtcNow());
                break;
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trusted time moved forward to a verified token's iat {Iat:O}")]
    private partial void LogAdvanced(DateTimeOffset iat);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A verified token's iat {Iat:O} is too far ahead of trusted time {Floor:O}: ignored (issuer clock fault?)")]
    private partial void LogTooFarAhead(DateTimeOffset iat, DateTimeOffset floor);
}
