using System.Text.Json;

namespace Kiosk.Tokens.Validation;

/// <summary>
/// Reads one claim value (the reader is on its property name) and checks its type and range.
/// Each returns false for a value that makes the token malformed.
/// </summary>
internal static class ClaimValue
{
    /// <summary>Longest sub, jti, door and cmd, in UTF-16 characters.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Largest NumericDate accepted: 9999-12-31T23:59:59Z.</summary>
    public const long MaxNumericDate = 253_402_300_799;

    private const KioskRole Unknown = (KioskRole)(-1);

    /// <summary>Moves to the value; true if it is a JSON string.</summary>
    public static bool ReadString(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.String;

    /// <summary>sub, jti, door: 1-128 characters, no control characters (they end up in logs and events).</summary>
    public static bool ReadId(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        // Six bytes is the longest escape of one character: a longer raw value can never fit.
        if (!ReadString(ref reader) || reader.ValueSpan.Length > MaxIdLength * 6)
        {
            return false;
        }

        var s = reader.GetString()!;
        if (s.Length is 0 or > MaxIdLength)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        value = s;
        return true;
    }

    /// <summary>An integer number of seconds from 0 to year 9999; fractions, exponents and strings are malformed.</summary>
    public static bool ReadNumericDate(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.Read()
            && reader.TokenType == JsonTokenType.Number
            && reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0
            && reader.TryGetInt64(out value)
            && value is >= 0 and <= MaxNumericDate;
    }

    /// <summary>role: one of the contract's role names, lower case.</summary>
    public static bool ReadRole(ref Utf8JsonReader reader, out KioskRole role)
    {
        role = !ReadString(ref reader) ? Unknown
            : reader.ValueTextEquals("worker"u8) ? KioskRole.Worker
            : reader.ValueTextEquals("steward"u8) ? KioskRole.Steward
            : reader.ValueTextEquals("maintenance"u8) ? KioskRole.Maintenance
            : reader.ValueTextEquals("operator"u8) ? KioskRole.Operator
            : Unknown;
        return role != Unknown;
    }

    /// <summary>act: <see cref="ValidatedToken.CheckIn"/> or <see cref="ValidatedToken.CheckOut"/>.</summary>
    public static bool ReadAct(ref Utf8JsonReader reader, out string? act)
    {
        act = null;
        if (!ReadString(ref reader))
        {
            return false;
        }

        act = reader.ValueTextEquals("checkin"u8) ? ValidatedToken.CheckIn : reader.ValueTextEquals("checkout"u8) ? ValidatedToken.CheckOut : null;
        return act is not null;
    }

    /// <summary>cmd: 1-128 characters; <see cref="ValidatedToken.UnlockCommand"/> comes back as that constant.</summary>
    public static bool ReadCommand(ref Utf8JsonReader reader, out string? cmd)
    {
        cmd = null;
        if (!ReadString(ref reader))
        {
            return false;
        }

        // The common name comes back as a constant: the door path allocates nothing for it.
        cmd = reader.ValueTextEquals("unlock"u8) ? ValidatedToken.UnlockCommand : reader.GetString();
        return cmd is { Length: > 0 and <= MaxIdLength };
    }
}
