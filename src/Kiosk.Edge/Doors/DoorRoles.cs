using Kiosk.Contract.Vocabulary;

namespace Kiosk.Edge.Doors;

/// <summary>The pass roles of the contract.</summary>
public static class DoorRoles
{
    public const string Worker = Roles.Worker;
    public const string Steward = Roles.Steward;
    public const string Maintenance = Roles.Maintenance;
    public const string Operator = Roles.Operator;

    public static IReadOnlyList<string> All { get; } = [Worker, Steward, Maintenance, Operator];
}
