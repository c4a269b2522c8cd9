namespace Kiosk.Fleet.Accounts;

/// <summary>The roles of fleet-api.md and the authorization policies built on them.</summary>
internal static class FleetRoles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static readonly string[] All = [Viewer, Operator, Admin];

    /// <summary>Policy names: each admits its role and every role above it.</summary>
    public const string CanView = "can-view";
    public const string CanOperate = "can-operate";
    public const string CanAdminister = "can-administer";
    public const string IsWorker = "is-worker";

    /// <summary>The authentication scheme of worker (phone) sessions.</summary>
    public const string WorkerScheme = "Worker";

    public const string WorkerClaim = "kiosk-fleet/worker";
}
