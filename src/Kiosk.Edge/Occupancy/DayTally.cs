using System.Security.Cryptography;
using System.Text;

namespace Kiosk.Edge.Occupancy;

/// <summary>
/// Visits and distinct pass holders of the station's local day, reset at local midnight. Holders are
/// kept as keyed hashes under a random key that lives only for the day, so neither the set nor a
/// leaked hash can be tied back to a <c>sub</c> once the day is over. Not thread-safe: the estimator's lock guards it.
/// </summary>
internal sealed class DayTally(TimeZoneInfo zone)
{
    private readonly HashSet<string> _holders = new(StringComparer.Ordinal);
    private DateOnly _day;
    private byte[] _dayKey = [];

    public int Visits { get; private set; }

    public int Holders => _holders.Count;

    /// <summary>Starts a new day (visits 0, holders forgotten, a fresh key) when <paramref name="now"/> is on another local day.</summary>
    public void Roll(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (day == _day)
        {
            return;
        }

        _day = day;
        Visits = 0;
        _holders.Clear();
        CryptographicOperations.ZeroMemory(_dayKey);
        _dayKey = RandomNumberGenerator.GetBytes(32);
    }

    public void Visit() => Visits++;

    public void Holder(string sub) => _holders.Add(Convert.ToHexString(HMACSHA256.HashData(_dayKey, Encoding.UTF8.GetBytes(sub))));
}
