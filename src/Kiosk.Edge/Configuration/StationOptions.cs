using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Configuration;

/// <summary>Station metadata published in the birth message.</summary>
public sealed class StationOptions
{
    /// <summary>The operator's station code (required).</summary>
    [Required]
    public string Code { get; set; } = "";

    /// <summary>The station's name as workers know it (required).</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>Street address.</summary>
    public string Address { get; set; } = "";

    /// <summary>WGS-84 latitude, degrees.</summary>
    [Range(-90.0, 90.0)]
    public double Latitude { get; set; }

    /// <summary>WGS-84 longitude, degrees.</summary>
    [Range(-180.0, 180.0)]
    public double Longitude { get; set; }

    /// <summary>E.g. hot_water, microwave, charging, air_conditioning, toilet, first_aid_kit.</summary>
    public List<string> Amenities { get; set; } = [];
}
