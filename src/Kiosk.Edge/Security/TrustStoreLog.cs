using Kiosk.Tokens;
using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Security;

/// <summary>Log lines about the trusted keys shared by the start and the reload.</summary>
internal static partial class TrustStoreLog
{
    /// <summary>How far ahead a trusted key's notAfter is warned about when the store is read.</summary>
    private static readonly TimeSpan KeyExpiryWarning = TimeSpan.FromDays(30);

    /// <summary>Warns about every key whose (informational) notAfter is within 30 days or past.</summary>
    public static void WarnExpiring(ILogger logger, TrustStore store, DateTimeOffset now)
    {
        foreach (var key in store.KeysExpiringBefore(now + KeyExpiryWarning))
        {
            LogKeyExpiring(logger, key.Kid, key.NotAfter!.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trusted key {Kid} expires at {NotAfter:O}; rotate it before then")]
    private static partial void LogKeyExpiring(ILogger logger, string kid, DateTimeOffset notAfter);
}
