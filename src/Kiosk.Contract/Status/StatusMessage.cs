namespace Kiosk.Contract.Status;

/// <summary>
/// The retained <c>{root}/{kioskId}/status</c> message (contract section 3). Birth, after every connect:
/// <c>{"online":true,"ts","version","boot","station":{...}}</c>. Last Will and clean shutdown:
/// <c>{"online":false,"ts","boot"}</c>; the will's <c>ts</c> is the connect time. A backend ignores an
/// offline message whose <c>boot</c> is lower than the last birth's (a stale will; extension).
/// </summary>
public sealed record StatusMessage
{
    /// <summary>True for birth, false for offline.</summary>
    public required bool Online { get; init; }

    /// <summary>When the kiosk wrote it.</summary>
    public required DateTimeOffset Ts { get; init; }

    /// <summary>Birth only: the kiosk software version.</summary>
    public string? Version { get; init; }

    /// <summary>Birth only: the integration contract version the kiosk speaks (<see cref="ContractVersion.Current"/>; extension).</summary>
    public string? Contract { get; init; }

    /// <summary>Service starts on this state directory (extension on the offline message).</summary>
    public required long Boot { get; init; }

    /// <summary>
    /// The installation epoch (32 hex digits), made when the state directory was created (extension). A lower
    /// <c>boot</c> under a new epoch is a rebuilt kiosk; under the same epoch, a stale will.
    /// </summary>
    public string? Epoch { get; init; }

    /// <summary>Birth only: the station metadata.</summary>
    public StationInfo? Station { get; init; }

    /// <summary>A birth message.</summary>
    public static StatusMessage Birth(DateTimeOffset ts, string version, long boot, StationInfo station) =>
        new() { Online = true, Ts = ts, Version = version, Boot = boot, Station = station };

    /// <summary>An offline message (Last Will or clean shutdown).</summary>
    public static StatusMessage Offline(DateTimeOffset ts, long boot) => new() { Online = false, Ts = ts, Boot = boot };
}
