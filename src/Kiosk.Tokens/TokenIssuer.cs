using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kiosk.Tokens;

/// <summary>Creates ES256 tokens (for kioskctl, tests and benchmarks); kiosks only verify.</summary>
public sealed class TokenIssuer : IDisposable
{
    private readonly ECDsa _key;
    private readonly string _kid;
    private readonly TimeProvider _time;

    /// <param name="privateKeyPem">A PKCS#8 (<c>PRIVATE KEY</c>) or SEC1 (<c>EC PRIVATE KEY</c>) P-256 key.</param>
    /// <exception cref="ArgumentException">The PEM is not a P-256 private key, or the kid is empty.</exception>
    public TokenIssuer(string privateKeyPem, string kid, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(kid);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _key = ECDsa.Create();
        try
        {
            _key.ImportFromPem(privateKeyPem);
            var parameters = _key.ExportParameters(includePrivateParameters: true);
            if (_key.KeySize != 256 || parameters.Curve.Oid?.Value != "1.2.840.10045.3.1.7" || parameters.D is null)
            {
                throw new ArgumentException("not an EC P-256 private key", nameof(privateKeyPem));
            }
        }
        catch (CryptographicException e)
        {
            _key.Dispose();
            throw new ArgumentException($"not an EC P-256 private key ({e.Message})", nameof(privateKeyPem), e);
        }
        catch (ArgumentException)
        {
            _key.Dispose();
            throw;
        }

        _kid = kid;
        _time = timeProvider;
    }

    public string Issue(TokenDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (descriptor.Audiences is not { Count: > 0 })
        {
            throw new ArgumentException("at least one audience is required", nameof(descriptor));
        }

        if (descriptor.Lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("the lifetime must be positive", nameof(descriptor));
        }

        var iat = _time.GetUtcNow().ToUnixTimeSeconds();
        using var payload = new MemoryStream();
        using (var w = new Utf8JsonWriter(payload))
        {
            w.WriteStartObject();
            w.WriteString("iss", descriptor.Issuer);
            if (descriptor.Audiences.Count == 1)
            {
                w.WriteString("aud", descriptor.Audiences[0]);
            }
            else
            {
                w.WriteStartArray("aud");
                foreach (var audience in descriptor.Audiences)
                {
                    w.WriteStringValue(audience);
                }

                w.WriteEndArray();
            }

            w.WriteString("sub", descriptor.Subject);
            w.WriteNumber("iat", iat);
            w.WriteNumber("exp", iat + (long)Math.Ceiling(descriptor.Lifetime.TotalSeconds));
            if (descriptor.NotBefore is { } nbf)
            {
                w.WriteNumber("nbf", nbf.ToUnixTimeSeconds());
            }

            w.WriteString("jti", descriptor.Jti ?? NewJti());
            if (descriptor.Role is { } role)
            {
                w.WriteString("role", role.ToContractString());
            }

            WriteOptional(w, "door", descriptor.Door);
            WriteOptional(w, "act", descriptor.Act);
            WriteOptional(w, "cmd", descriptor.Cmd);
            foreach (var (name, value) in descriptor.Extra ?? new Dictionary<string, System.Text.Json.Nodes.JsonNode?>())
            {
                if (IsRegisteredClaim(name))
                {
                    throw new ArgumentException($"extra claim '{name}' would overwrite a registered claim", nameof(descriptor));
                }

                w.WritePropertyName(name);
                if (value is null)
                {
                    w.WriteNullValue();
                }
                else
                {
                    value.WriteTo(w);
                }
            }

            w.WriteEndObject();
        }

        using var header = new MemoryStream();
        using (var w = new Utf8JsonWriter(header))
        {
            w.WriteStartObject();
            w.WriteString("alg", "ES256");
            w.WriteString("typ", "JWT");
            w.WriteString("kid", _kid);
            w.WriteEndObject();
        }

        return SignRaw(header.ToArray(), payload.ToArray());
    }

    public void Dispose() => _key.Dispose();

    /// <summary>Signs arbitrary header and payload bytes as they are: for hostile-token tests.</summary>
    internal string SignRaw(ReadOnlySpan<byte> headerJson, ReadOnlySpan<byte> payloadJson)
    {
        var signingInput = Base64Url.EncodeToString(headerJson) + "." + Base64Url.EncodeToString(payloadJson);
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>The claims <see cref="Issue"/> writes itself (RFC 7519 section 4.1 and the contract's own); an extra claim may not repeat one.</summary>
    public static bool IsRegisteredClaim(string name) => name is "iss" or "aud" or "sub" or "iat" or "exp" or "nbf" or "jti" or "role" or "door" or "act" or "cmd";

    private static string NewJti() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
