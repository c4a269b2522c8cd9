namespace Kiosk.Contract.State;

/// <summary><c>state.intercom.playing</c>: the announcement playing now.</summary>
/// <param name="Kind"><c>text</c> or <c>clip</c>.</param>
/// <param name="Priority"><c>info</c> or <c>urgent</c>.</param>
public sealed record PlayingState(string Kind, string Priority);
