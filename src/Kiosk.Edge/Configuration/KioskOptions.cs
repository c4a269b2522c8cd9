using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Configuration;

/// <summary>Identity and locations of this kiosk (configuration section <c>Kiosk</c>).</summary>
public sealed class KioskOptions
{
    public const string Section = "Kiosk";

    /// <summary>Fleet-unique id (required), ^[a-z0-9][a-z0-9-]{2,63}$; also the MQTT client id and the token audience.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{2,63}$", ErrorMessage = "Kiosk:Id must match ^[a-z0-9][a-z0-9-]{{2,63}}$ (lower-case letters, digits and hyphens, 3 to 64 characters)")]
    public string Id { get; set; } = "";

    /// <summary>SQLite databases (events, replay, energy) live here.</summary>
    [Required]
    public string StateDirectory { get; set; } = "/var/lib/kiosk-edge";

    /// <summary>The local control socket lives here.</summary>
    [Required]
    public string RuntimeDirectory { get; set; } = "/run/kiosk-edge";

    /// <summary>Station metadata for the birth message (see Kiosk:Station:*).</summary>
    [Required]
    [Microsoft.Extensions.Options.ValidateObjectMembers]
    public StationOptions Station { get; set; } = new();
}
