using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Kiosk.Tokens;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kiosk.Benchmarks.Tokens;

/// <summary>
/// The door path's verification cost: <see cref="TokenValidator.Validate(string)"/> against the raw
/// ES256 verification it cannot avoid (the baseline) and against Microsoft.IdentityModel's
/// JsonWebTokenHandler on the same token. Target: at most 1.25x the raw verify, at most 1 KB allocated.
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private const string Kid = "bench-1";
    private const string Issuer = "https://issuer.example";
    private const string Audience = "tyyz-0007";

    private string _token = "";
    private string _tampered = "";
    private byte[] _signingInput = [];
    private byte[] _signature = [];
    private ECDsa _rawKey = null!;
    private TrustStore _store = null!;
    private TokenValidator _validator = null!;
    private JsonWebTokenHandler _handler = null!;
    private TokenValidationParameters _parameters = null!;
    private ECDsa _identityModelKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (privatePem, publicPem) = KeyPairGenerator.CreateP256();
        var now = DateTimeOffset.UtcNow;
        var time = new FakeTimeProvider(now);
        using (var issuer = new TokenIssuer(privatePem, Kid, time))
        {
            _token = issuer.Issue(new TokenDescriptor
            {
                Issuer = Issuer,
                Audiences = [Audience],
                Subject = "worker-0042",
                Lifetime = TimeSpan.FromSeconds(300),
                Door = "rest",
            });
        }

        var lastDot = _token.LastIndexOf('.');
        _tampered = _token[..(lastDot + 1)] + (_token[lastDot + 1] == 'A' ? 'B' : 'A') + _token[(lastDot + 2)..];
        _signingInput = Encoding.ASCII.GetBytes(_token[..lastDot]);
        _signature = Base64UrlEncoder.DecodeBytes(_token[(lastDot + 1)..]);
        _rawKey = ECDsa.Create();
        _rawKey.ImportFromPem(publicPem);

        _store = TrustStore.Create([TrustedKey.FromPem(Kid, Issuer, publicPem, [KioskRole.Worker])]);
        _validator = new TokenValidator(_store, new TokenValidationOptions { Audiences = [Audience] }, time);

        _identityModelKey = ECDsa.Create();
        _identityModelKey.ImportFromPem(publicPem);
        _handler = new JsonWebTokenHandler();
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = new ECDsaSecurityKey(_identityModelKey) { KeyId = Kid },
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };

        // Every contender must accept the token, or the numbers compare different work.
        if (!RawVerify() || !KioskValidate().IsValid || !IdentityModelValidate().GetAwaiter().GetResult().IsValid
            || KioskValidateTampered().Reason != DenyReason.BadSignature)
        {
            throw new InvalidOperationException("a contender rejected the benchmark token");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rawKey.Dispose();
        _identityModelKey.Dispose();
        _store.Dispose();
    }

    [Benchmark(Baseline = true, Description = "ECDsa.VerifyData (raw ES256)")]
    public bool RawVerify() => _rawKey.VerifyData(_signingInput, _signature, HashAlgorithmName.SHA256);

    [Benchmark(Description = "TokenValidator.Validate")]
    public Kiosk.Tokens.TokenValidationResult KioskValidate() => _validator.Validate(_token);

    /// <summary>A refused token (signature tampered): the same crypto cost, and nothing allocated by the validator.</summary>
    [Benchmark(Description = "TokenValidator.Validate (bad_signature)")]
    public Kiosk.Tokens.TokenValidationResult KioskValidateTampered() => _validator.Validate(_tampered);

    [Benchmark(Description = "JsonWebTokenHandler.ValidateTokenAsync")]
    public Task<Microsoft.IdentityModel.Tokens.TokenValidationResult> IdentityModelValidate() => _handler.ValidateTokenAsync(_token, _parameters);
}
