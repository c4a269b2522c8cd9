namespace Kiosk.Contract.Events;

/// <summary><c>intercom.announce_failed</c>: Extension: an announcement could not be played.</summary>
/// <param name="Kind">text or clip.</param>
/// <param name="Priority">info or urgent.</param>
/// <param name="Reason"><c>render_failed</c> or <c>play_failed</c>.</param>
public sealed record IntercomAnnounceFailed(
    string Kind,
    string Priority,
    string Reason) : KioskEventBody;
