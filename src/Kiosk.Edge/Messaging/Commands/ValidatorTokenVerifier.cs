using Kiosk.Edge.TrustedTime;
using Kiosk.Tokens;

namespace Kiosk.Edge.Messaging.Commands;

/// <summary>
/// Command authorisation on the real token verifier: the stateless checks of
/// <see cref="TokenValidator"/> on trusted time (signature, issuer, audience, lifetime, role), then the kiosk's
/// stateful checks (replay, revocation, rate limit), the same ones a scanned pass goes through.
/// </summary>
internal sealed class ValidatorTokenVerifier(
    TrustedTokenValidator validator,
    Func<ValidatedToken, CancellationToken, ValueTask<string?>> statefulChecks) : CommandTokenVerifier
{
    public override async ValueTask<TokenVerdict> VerifyAsync(string token, CancellationToken cancellationToken)
    {
        var result = validator.Validate(token);
        if (result.Token is not { } valid)
        {
            return TokenVerdict.Deny(result.Reason!.Value.ToContractString());
        }

        if (await statefulChecks(valid, cancellationToken).ConfigureAwait(false) is { } reason)
        {
            return new TokenVerdict(reason, valid.Sub, valid.Role.ToContractString(), default, null);
        }

        return new TokenVerdict(null, valid.Sub, valid.Role.ToContractString(), valid.Claims, valid);
    }
}
