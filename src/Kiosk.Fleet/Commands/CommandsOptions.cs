using System.ComponentModel.DataAnnotations;

namespace Kiosk.Fleet.Commands;

/// <summary>Sending commands (<c>Fleet:Commands</c>).</summary>
public sealed class CommandsOptions
{
    public const string Section = "Fleet:Commands";

    /// <summary>How long a request waits for the kiosk's reply before answering 504.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:02:00", ErrorMessage = "Fleet:Commands:ReplyTimeout must be 0.5 s to 2 min")]
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Kiosks a bulk command addresses at once.</summary>
    [Range(1, 256)]
    public int BulkParallelism { get; set; } = 16;

    /// <summary>Most kiosks one bulk command may address.</summary>
    [Range(1, 100_000)]
    public int BulkMax { get; set; } = 5000;
}
