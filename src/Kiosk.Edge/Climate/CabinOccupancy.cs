namespace Kiosk.Edge.Climate;

/// <summary>How many people are in a cabin now, as far as the heat alarm needs to know.</summary>
internal abstract class CabinOccupancy
{
    public abstract int PeopleIn(string cabin);
}
