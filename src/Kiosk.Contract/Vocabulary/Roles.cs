namespace Kiosk.Contract.Vocabulary;

/// <summary>The token <c>role</c> claim values (contract section 2); absent means <see cref="Worker"/>.</summary>
public static class Roles
{
    /// <summary>An outdoor worker using the station (the default).</summary>
    public const string Worker = "worker";

    /// <summary>A steward who looks after the station; may check in and out (<c>act</c>).</summary>
    public const string Steward = "steward";

    /// <summary>A maintenance crew member; a scanned maintenance pass enters maintenance mode.</summary>
    public const string Maintenance = "maintenance";

    /// <summary>A fleet operator (remote commands).</summary>
    public const string Operator = "operator";
}
