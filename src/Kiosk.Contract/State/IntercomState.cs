using System.Text.Json.Serialization;

namespace Kiosk.Contract.State;

/// <summary><c>state.intercom</c> (docs/occupancy-intercom.md).</summary>
/// <param name="Help">The help call.</param>
/// <param name="Playing">What plays now; null when silent.</param>
/// <param name="QueueLength">Announcements waiting.</param>
/// <param name="AmpOn">Whether the amplifier is powered.</param>
public sealed record IntercomState(
    HelpState Help,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] PlayingState? Playing,
    int QueueLength,
    bool AmpOn);
