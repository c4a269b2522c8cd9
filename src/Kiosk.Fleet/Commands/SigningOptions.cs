using System.ComponentModel.DataAnnotations;

namespace Kiosk.Fleet.Commands;

/// <summary>The fleet's operator signing key (<c>Fleet:Signing</c>): ES256, PEM file, kid; the key itself is never logged.</summary>
public sealed class SigningOptions
{
    public const string Section = "Fleet:Signing";

    /// <summary>PKCS#8 or SEC1 P-256 private key (PEM); relative paths are from the content root.</summary>
    [Required(ErrorMessage = "Fleet:Signing:KeyFile is required")]
    public string KeyFile { get; set; } = "";

    [Required(ErrorMessage = "Fleet:Signing:Kid is required")]
    public string Kid { get; set; } = "";

    /// <summary>The <c>iss</c> the kiosks' trust stores bind to <see cref="Kid"/>.</summary>
    [Required(ErrorMessage = "Fleet:Signing:Issuer is required")]
    public string Issuer { get; set; } = "";

    /// <summary>Lifetime of a command token (the kiosk accepts at most 120 s).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:02:00", ErrorMessage = "Fleet:Signing:CommandLifetime must be 5 s to 2 min")]
    public TimeSpan CommandLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Lifetime of a phone-flow pass (the kiosk accepts at most 300 s).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:05:00", ErrorMessage = "Fleet:Signing:PassLifetime must be 10 s to 5 min")]
    public TimeSpan PassLifetime { get; set; } = TimeSpan.FromSeconds(60);
}
