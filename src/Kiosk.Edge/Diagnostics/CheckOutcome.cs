namespace Kiosk.Edge.Diagnostics;

/// <summary>One check's result in a report, with how long it took.</summary>
internal sealed record CheckOutcome(string Name, string Category, CheckResult Result, TimeSpan Duration);
