using System.Text.Json;

namespace Kiosk.Tokens.Validation;

/// <summary>
/// The JOSE header rules (RFC 7515 section 4.1), reported in this order:
/// <list type="number">
/// <item>malformed: not a guarded JSON object (<see cref="GuardedJsonObject"/>); <c>alg</c> or <c>kid</c>
/// missing or not a string; <c>typ</c> not a string.</item>
/// <item>unsupported_alg: <c>alg</c> other than <c>ES256</c> (case-sensitive), or any <c>crit</c> member.</item>
/// <item>unknown_key: <c>kid</c> not in the trust store.</item>
/// </list>
/// </summary>
internal struct JoseHeader : ITopLevelPropertyVisitor
{
    private readonly TrustStore _trustStore;
    private bool _hasAlg;
    private bool _isEs256;
    private bool _hasKid;
    private bool _hasCrit;
    private TrustedKey? _key;

    private JoseHeader(TrustStore trustStore) => _trustStore = trustStore;

    /// <summary>Checks the decoded header; null means it passed and <paramref name="key"/> is the signer's key.</summary>
    public static DenyReason? Check(ReadOnlySpan<byte> json, TrustStore trustStore, out TrustedKey? key)
    {
        var header = new JoseHeader(trustStore);
        var wellFormed = GuardedJsonObject.TryWalk(json, ref header);
        key = header._key;
        if (!wellFormed || !header._hasAlg || !header._hasKid)
        {
            return DenyReason.Malformed;
        }

        // crit names extensions the kiosk would have to understand; it understands none, like an unknown alg.
        if (!header._isEs256 || header._hasCrit)
        {
            return DenyReason.UnsupportedAlg;
        }

        return key is null ? DenyReason.UnknownKey : null;
    }

    public bool Visit(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("alg"u8))
        {
            if (!ClaimValue.ReadString(ref reader))
            {
                return false;
            }

            _hasAlg = true;
            _isEs256 = reader.ValueTextEquals("ES256"u8);
        }
        else if (reader.ValueTextEquals("kid"u8))
        {
            if (!ClaimValue.ReadString(ref reader))
            {
                return false;
            }

            _hasKid = true;
            _key = _trustStore.Find(ref reader);
        }
        else if (reader.ValueTextEquals("typ"u8))
        {
            return ClaimValue.ReadString(ref reader);
        }
        else if (reader.ValueTextEquals("crit"u8))
        {
            _hasCrit = true;
        }

        return true;
    }
}
