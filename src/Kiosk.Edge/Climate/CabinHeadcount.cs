namespace Kiosk.Edge.Climate;

/// <summary>How many people are in a cabin now, as far as the heat alarm needs to know.</summary>
internal abstract class CabinHeadcount
{
    public abstract int PeopleIn(string cabin);
}
