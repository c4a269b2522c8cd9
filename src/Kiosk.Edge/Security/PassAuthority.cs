using Kiosk.Edge.TrustedTime;
using Kiosk.Tokens;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Security;

/// <summary>
/// The checks that use a verified token up, in this order: revoked, replayed (the jti is consumed
/// here), rate_limited (passes only). <see cref="Redeem"/> runs just those, after the caller's own
/// checks (the door decision); <see cref="AuthorizeScan"/> and <see cref="AuthorizeCommand"/> run the
/// whole chain for callers without a door: the token's stateless checks (<see cref="TrustedTokenValidator"/>),
/// the kind of token (bad_arguments), then the same three.
/// </summary>
internal sealed partial class PassAuthority(
    TrustedTokenValidator validator,
    RevocationList revocations,
    ReplayStore replays,
    SubjectRateLimiter rateLimiter,
    TimeSpan clockSkew,
    ILogger<PassAuthority> logger)
{
    /// <summary>A pass read by the QR scanner: the bare token or a URL carrying it in <c>t</c>.</summary>
    public PassDecision AuthorizeScan(string scannedText)
    {
        if (!ScannedText.TryExtractToken(scannedText, out var token))
        {
            return Denied(PassDecision.Deny(DenyReason.Malformed));
        }

        var result = validator.Validate(token);
        if (!result.IsValid)
        {
            return Denied(PassDecision.Deny(result.Reason!.Value));
        }

        // A command token never opens a door at the scanner, whatever its role.
        return result.Token.IsPass ? Stateful(result.Token, isPass: true) : Denied(PassDecision.Deny(DenyReason.BadArguments, result.Token));
    }

    /// <summary>
    /// A token carried by the MQTT command <paramref name="commandName"/>: <c>unlock</c> takes a pass;
    /// any other command needs <c>cmd</c> equal to its name (else bad_arguments).
    /// </summary>
    public PassDecision AuthorizeCommand(string commandName, string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(commandName);
        var result = validator.Validate(token);
        if (!result.IsValid)
        {
            return Denied(PassDecision.Deny(result.Reason!.Value));
        }

        var t = result.Token;
        var isUnlock = commandName == ValidatedToken.UnlockCommand;
        var matches = isUnlock ? t.IsPass : string.Equals(t.Cmd, commandName, StringComparison.Ordinal);
        return matches ? Stateful(t, isPass: isUnlock) : Denied(PassDecision.Deny(DenyReason.BadArguments, t));
    }

    /// <summary>
    /// The checks that use a verified pass up (revoked, replayed, rate_limited), for callers that
    /// decide on other grounds first (the door decision: unknown_door, out_of_service, full) so a pass
    /// refused for a passing reason can be scanned again.
    /// </summary>
    public PassDecision Redeem(ValidatedToken token) => Stateful(token, token.IsPass);

    private PassDecision Stateful(ValidatedToken token, bool isPass)
    {
        if (revocations.IsRevoked(token))
        {
            return Denied(PassDecision.Deny(DenyReason.Revoked, token));
        }

        if (!replays.TryConsume(token.Jti, token.Exp + clockSkew))
        {
            return Denied(PassDecision.Deny(DenyReason.Replayed, token));
        }

        if (isPass && !rateLimiter.TryAcquire(token.Sub))
        {
            return Denied(PassDecision.Deny(DenyReason.RateLimited, token));
        }

        return PassDecision.Grant(token);
    }

    private PassDecision Denied(PassDecision decision)
    {
        LogDenied(decision.Reason!.Value.ToContractString(), decision.Sub ?? "-");
        return decision;
    }

    // The token itself is never logged; sub is pseudonymous by contract.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Token refused: {Reason} (sub {Sub})")]
    private partial void LogDenied(string reason, string sub);
}
