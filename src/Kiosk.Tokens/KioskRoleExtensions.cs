namespace Kiosk.Tokens;

/// <summary>The contract strings for <see cref="KioskRole"/>, both ways.</summary>
public static class KioskRoleExtensions
{
    public static string ToContractString(this KioskRole role) => role switch
    {
        KioskRole.Worker => "worker",
        KioskRole.Steward => "steward",
        KioskRole.Maintenance => "maintenance",
        KioskRole.Operator => "operator",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a contract role"),
    };

    /// <summary>Parses a contract string (exact, case-sensitive).</summary>
    public static bool TryParse(string? value, out KioskRole role)
    {
        role = value switch
        {
            "worker" => KioskRole.Worker,
            "steward" => KioskRole.Steward,
            "maintenance" => KioskRole.Maintenance,
            "operator" => KioskRole.Operator,
            _ => (KioskRole)(-1),
        };
        return role >= 0;
    }
}
