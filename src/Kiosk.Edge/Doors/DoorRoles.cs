namespace Kiosk.Edge.Doors;

/// <summary>The pass roles of the contract.</summary>
public static class DoorRoles
{
    public const string Worker = "worker";
    public const string Steward = "steward";
    public const string Maintenance = "maintenance";
    public const string Operator = "operator";

    public static IReadOnlyList<string> All { get; } = [Worker, Steward, Maintenance, Operator];
}
