namespace Kiosk.Contract;

/// <summary>The version of the kiosk integration contract these types implement.</summary>
/// <remarks>
/// Contract v1 plus the additive extensions listed in CHANGELOG.md. A change that breaks a backend bumps
/// <see cref="Current"/> and is listed in the changelog; additive fields and event types do not.
/// </remarks>
public static class ContractVersion
{
    /// <summary>The contract major version, <c>"1"</c>.</summary>
    public const string Current = "1";
}
