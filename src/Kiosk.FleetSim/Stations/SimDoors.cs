namespace Kiosk.FleetSim.Stations;

/// <summary>The two cabins (doors) of a two-cabin station and the circuits of its power guard, as the demo kiosk names them.</summary>
internal static class SimDoors
{
    /// <summary>The rest cabin, the first door (a pass without <c>door</c> opens it).</summary>
    public const string Rest = "rest";

    /// <summary>The living-needs cabin: hot water, microwave, charging.</summary>
    public const string Life = "life";

    /// <summary>Hot water boiler (kettle), W limit 2200.</summary>
    public const string Heater = "heater";

    /// <summary>Microwave, W limit 1500.</summary>
    public const string Microwave = "microwave";

    /// <summary>Air conditioning, W limit 1300.</summary>
    public const string Aircon = "aircon";

    /// <summary>Phone and e-bike battery charging outlets, W limit 500.</summary>
    public const string Outlet = "outlet";
}
