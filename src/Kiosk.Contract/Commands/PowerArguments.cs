namespace Kiosk.Contract.Commands;

/// <summary>Arguments of <c>power</c>.</summary>
/// <param name="Circuit">The circuit id.</param>
/// <param name="Action"><c>on</c>, <c>off</c> or <c>reset</c> (<see cref="PowerActions"/>).</param>
public sealed record PowerArguments(
    string Circuit,
    string Action);
