namespace Kiosk.Edge.Hardware;

/// <summary>
/// One feature's GPIO lines. Register with <see cref="BoardServiceCollectionExtensions.AddPinClaims{TOptions}"/>;
/// <see cref="PinRegistry"/> checks them all together at start.
/// </summary>
internal abstract class PinClaimSource
{
    public abstract IEnumerable<PinClaim> Claims();
}
