using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Configuration;

/// <summary>Station metadata published in the birth message.</summary>
public sealed class StationOptions
{
    [Required]
    public string Code { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";

    public string Address { get; set; } = "";

    [Range(-90.0, 90.0)]
    public double Latitude { get; set; }

    [Range(-180.0, 180.0)]
    public double Longitude { get; set; }

    /// <summary>E.g. hot_water, microwave, charging, air_conditioning, toilet, first_aid_kit.</summary>
    public List<string> Amenities { get; set; } = [];
}
