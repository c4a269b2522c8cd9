using System.ComponentModel.DataAnnotations;
using Kiosk.Tokens;

namespace Kiosk.Edge.Security;

/// <summary>Token verification and the stateful pass checks (configuration section <c>Security</c>).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>The trust store JSON (kid, issuer, public key, roles). This path, if relative, is from the service's directory; the key files the trust store names are relative to the trust store itself.</summary>
    [Required]
    public string TrustStorePath { get; set; } = "/etc/kiosk/trust-store.json";

    /// <summary>
    /// After the trust store or a key file it names changes (or on SIGHUP, <c>systemctl reload kiosk-edge</c>), how long
    /// the files must stay quiet before they are read again, so a copy or an editor's save is read whole.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan TrustStoreReloadDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Audiences accepted besides <c>Kiosk:Id</c>, e.g. a site group.</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>Tolerance on a token's exp and nbf for a kiosk clock that is slightly off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest accepted pass lifetime (exp minus iat); longer passes are denied with lifetime_too_long.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan MaxPassLifetime { get; set; } = TokenValidationOptions.DefaultMaxPassLifetime;

    /// <summary>Longest accepted command-token lifetime (exp minus iat); longer tokens are denied with lifetime_too_long.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan MaxCommandLifetime { get; set; } = TokenValidationOptions.DefaultMaxCommandLifetime;

    /// <summary>Passes one subject may use per <see cref="RateLimitWindow"/>.</summary>
    [Range(1, 1000)]
    public int RateLimitAttempts { get; set; } = 6;

    /// <summary>The window of the per-subject rate limit (Security:RateLimitAttempts passes per window).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Subjects the rate limiter remembers at most; the least recently seen are forgotten first.</summary>
    [Range(100, 1_000_000)]
    public int RateLimitMaxSubjects { get; set; } = 10_000;

    public string ResolveTrustStorePath() => Path.GetFullPath(TrustStorePath, AppContext.BaseDirectory);

    /// <summary>How long a revoked jti is remembered: past this, any token carrying it has expired anyway.</summary>
    public TimeSpan RevokedTokenRetention =>
        (MaxPassLifetime > MaxCommandLifetime ? MaxPassLifetime : MaxCommandLifetime) + ClockSkew + ClockSkew;
}
