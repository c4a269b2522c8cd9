namespace Kiosk.Edge.Security;

/// <summary>A trust store reload that was refused: when, and why (the file, kid and field at fault).</summary>
internal sealed record TrustStoreRefusal(DateTimeOffset At, string Reason);
