using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Kiosk.Fleet.Workers;

/// <summary>
/// Pseudonyms for workers: the phone number is normalised and kept only as a keyed hash; the
/// <c>sub</c> the kiosks see is a second, unrelated keyed hash, so neither reveals the number.
/// </summary>
internal sealed class WorkerIdentity(IOptions<WorkerOptions> options)
{
    /// <summary>The phone number with spaces, dashes and brackets removed: an optional '+' and 6 to 20 digits; null when it is not one.</summary>
    public static string? Normalise(string? phone)
    {
        if (phone is null)
        {
            return null;
        }

        var kept = new StringBuilder(phone.Length);
        foreach (var c in phone.Trim())
        {
            if (char.IsAsciiDigit(c) || (c == '+' && kept.Length == 0))
            {
                kept.Append(c);
            }
            else if (c is not (' ' or '-' or '(' or ')'))
            {
                return null;
            }
        }

        var digits = kept.Length - (kept.Length > 0 && kept[0] == '+' ? 1 : 0);
        return digits is >= 6 and <= 20 ? kept.ToString() : null;
    }

    public string PhoneHash(string normalisedPhone) => Hash("phone:" + normalisedPhone);

    public string Subject(string normalisedPhone) => "w-" + Hash("sub:" + normalisedPhone)[..24];

    public string CodeHash(string phoneHash, string code) => Hash("code:" + phoneHash + ":" + code);

    /// <summary>A six-digit one-time code.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private string Hash(string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Pepper), Encoding.UTF8.GetBytes(value)));
}
