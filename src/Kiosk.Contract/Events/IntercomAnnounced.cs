namespace Kiosk.Contract.Events;

/// <summary><c>intercom.announced</c>: An announcement played (the text itself is never recorded).</summary>
/// <param name="Kind">text or clip.</param>
/// <param name="Priority">info or urgent.</param>
/// <param name="Duration">Seconds played (two decimals).</param>
/// <param name="Volume">0 to 100.</param>
/// <param name="Via">remote or manual.</param>
/// <param name="Length">For a text: its length in characters.</param>
/// <param name="Clip">For a clip: its name.</param>
public sealed record IntercomAnnounced(
    string Kind,
    string Priority,
    double Duration,
    int Volume,
    string Via,
    int? Length = null,
    string? Clip = null) : KioskEventBody;
