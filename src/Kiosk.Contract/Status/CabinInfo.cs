namespace Kiosk.Contract.Status;

/// <summary>One cabin (door) of the station in the birth message.</summary>
/// <param name="Id">The door id (the <c>door</c> claim and field).</param>
/// <param name="Capacity">People it holds; absent when not configured.</param>
public sealed record CabinInfo(string Id, int? Capacity = null);
