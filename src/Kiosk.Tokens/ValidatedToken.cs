using System.Text.Json;

namespace Kiosk.Tokens;

/// <summary>
/// A token whose signature, issuer, audience, lifetime and role passed <see cref="TokenValidator"/>.
/// Replay, revocation and rate limits are the kiosk's stateful checks and come after.
/// </summary>
public sealed class ValidatedToken
{
    private readonly byte[] _payload;
    private JsonDocument? _claims;

    internal ValidatedToken(
        byte[] payload,
        string kid,
        string iss,
        string sub,
        string jti,
        KioskRole role,
        string? door,
        string? act,
        string? cmd,
        DateTimeOffset iat,
        DateTimeOffset exp,
        DateTimeOffset? nbf)
    {
        _payload = payload;
        Kid = kid;
        Iss = iss;
        Sub = sub;
        Jti = jti;
        Role = role;
        Door = door;
        Act = act;
        Cmd = cmd;
        Iat = iat;
        Exp = exp;
        Nbf = nbf;
    }

    public const string CheckIn = "checkin";
    public const string CheckOut = "checkout";
    public const string UnlockCommand = "unlock";

    public string Kid { get; }

    public string Iss { get; }

    /// <summary>Pseudonymous holder id (at most 128 characters); safe to log.</summary>
    public string Sub { get; }

    public string Jti { get; }

    public KioskRole Role { get; }

    /// <summary>Cabin id; null means the kiosk's first door.</summary>
    public string? Door { get; }

    /// <summary><see cref="CheckIn"/>, <see cref="CheckOut"/> or null.</summary>
    public string? Act { get; }

    /// <summary>The command name; null for a plain pass.</summary>
    public string? Cmd { get; }

    public DateTimeOffset Iat { get; }

    public DateTimeOffset Exp { get; }

    public DateTimeOffset? Nbf { get; }

    /// <summary>A pass opens a door: no <c>cmd</c>, or <c>cmd</c> = <c>unlock</c>.</summary>
    public bool IsPass => Cmd is null or UnlockCommand;

    /// <summary>Every claim of the payload (a JSON object), for commands that read their arguments.</summary>
    public JsonElement Claims
    {
        get
        {
            // Parsed on first use only: the door path never needs it. The payload was validated, so this cannot fail.
            var document = Volatile.Read(ref _claims);
            if (document is null)
            {
                var parsed = JsonDocument.Parse(_payload);
                document = Interlocked.CompareExchange(ref _claims, parsed, null) ?? parsed;
            }

            return document.RootElement;
        }
    }
}
