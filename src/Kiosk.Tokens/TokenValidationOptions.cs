namespace Kiosk.Tokens;

/// <summary>What <see cref="TokenValidator"/> accepts, beyond the trust store.</summary>
public sealed class TokenValidationOptions
{
    /// <summary>This kiosk's id and its aliases (e.g. a site group); <c>aud</c> must contain one of them.</summary>
    public required IReadOnlyList<string> Audiences { get; init; }

    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The default <see cref="MaxPassLifetime"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultMaxPassLifetime = TimeSpan.FromSeconds(300);

    /// <summary>The default <see cref="MaxCommandLifetime"/>: 2 minutes.</summary>
    public static readonly TimeSpan DefaultMaxCommandLifetime = TimeSpan.FromSeconds(120);

    /// <summary>Longest <c>exp - iat</c> of a pass (no <c>cmd</c>, or <c>cmd</c> = <c>unlock</c>).</summary>
    public TimeSpan MaxPassLifetime { get; init; } = DefaultMaxPassLifetime;

    /// <summary>Longest <c>exp - iat</c> of any other command's token.</summary>
    public TimeSpan MaxCommandLifetime { get; init; } = DefaultMaxCommandLifetime;

    /// <summary>Longest token accepted, in UTF-8 bytes (the contract's limit is 4096).</summary>
    public int MaxTokenBytes { get; init; } = 4096;
}
