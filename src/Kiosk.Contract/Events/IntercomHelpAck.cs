namespace Kiosk.Contract.Events;

/// <summary><c>intercom.help_ack</c>: Extension: an operator acknowledged the pending help call.</summary>
/// <param name="Via">remote or manual.</param>
/// <param name="Waited">Seconds from the call to the acknowledgement (one decimal).</param>
/// <param name="Cabin">The cabin, when configured.</param>
/// <param name="Sub">Who, for a command.</param>
public sealed record IntercomHelpAck(
    string Via,
    double Waited,
    string? Cabin = null,
    string? Sub = null) : KioskEventBody;
