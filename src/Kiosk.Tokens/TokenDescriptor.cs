using System.Text.Json.Nodes;

namespace Kiosk.Tokens;

/// <summary>The claims of a token to issue with <see cref="TokenIssuer"/>.</summary>
public sealed record TokenDescriptor
{
    public required string Issuer { get; init; }

    /// <summary>One audience is written as a string, several as an array.</summary>
    public required IReadOnlyList<string> Audiences { get; init; }

    public required string Subject { get; init; }

    /// <summary><c>exp - iat</c>.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Omitted when null (the kiosk then reads it as worker).</summary>
    public KioskRole? Role { get; init; }

    public string? Door { get; init; }

    /// <summary><c>checkin</c> or <c>checkout</c>.</summary>
    public string? Act { get; init; }

    public string? Cmd { get; init; }

    /// <summary>A random id when null.</summary>
    public string? Jti { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Further claims, e.g. a command's arguments (<c>circuit</c>, <c>action</c>...).</summary>
    public IReadOnlyDictionary<string, JsonNode?>? Extra { get; init; }
}
