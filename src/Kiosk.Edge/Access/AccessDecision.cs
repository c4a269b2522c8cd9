namespace Kiosk.Edge.Access;

/// <summary>The outcome of one pass: granted at a door, or denied with a contract reason.</summary>
internal sealed record AccessDecision(bool Granted, string? Door, string? Reason)
{
    public static AccessDecision Grant(string door) => new(true, door, null);

    public static AccessDecision Deny(string reason, string? door) => new(false, door, reason);
}
