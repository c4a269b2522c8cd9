namespace Kiosk.Contract.Commands;

/// <summary>Arguments of <c>announce</c>: exactly one of text or clip.</summary>
/// <param name="Text">Text to speak (not recorded anywhere).</param>
/// <param name="Clip">A clip name from the kiosk's clip folder.</param>
/// <param name="Priority"><c>info</c> (default) or <c>urgent</c> (plays in quiet hours).</param>
/// <param name="Volume">0 to 100; absent means the kiosk's default.</param>
public sealed record AnnounceArguments(
    string? Text = null,
    string? Clip = null,
    string? Priority = null,
    int? Volume = null);
