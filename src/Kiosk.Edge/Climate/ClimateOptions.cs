using System.ComponentModel.DataAnnotations;

namespace Kiosk.Edge.Climate;

/// <summary>
/// Cabin climate (configuration section <c>Climate</c>): the sensors per cabin, the board's CPU
/// temperature and the alarm thresholds. Temperatures in degrees Celsius, humidity in percent
/// relative humidity, CO2 in parts per million.
/// </summary>
public sealed class ClimateOptions
{
    public const string Section = "Climate";

    /// <summary>Cabins with air sensors, keyed by cabin id (a key of <c>Doors:Cabins</c>). Empty: no cabin climate.</summary>
    public Dictionary<string, CabinClimateOptions> Cabins { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often every sensor is read (the SCD4x measures every 5 s; faster reads reuse its last value).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SamplePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An alarm condition must hold this long before its event is raised (a door opened for a moment is no alarm).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RaiseAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>climate.heat: the cabin is at or above this with people inside.</summary>
    [Range(20.0, 60.0)]
    public double HeatCelsius { get; set; } = 35;

    /// <summary>climate.cold: the cabin is at or below this (whether or not anyone is inside: a failed heater or an open door).</summary>
    [Range(-30.0, 20.0)]
    public double ColdCelsius { get; set; } = 10;

    /// <summary>A temperature alarm clears only this far back inside the limit, so readings around the threshold do not flap.</summary>
    [Range(0.1, 10.0)]
    public double TemperatureHysteresis { get; set; } = 1.5;

    /// <summary>climate.co2_high: CO2 at or above this (1,500 ppm: ventilation is not keeping up with the people inside).</summary>
    [Range(500.0, 10_000.0)]
    public double Co2HighPpm { get; set; } = 1500;

    /// <summary>climate.co2_high clears only this far below <see cref="Co2HighPpm"/>.</summary>
    [Range(10.0, 2000.0)]
    public double Co2Hysteresis { get; set; } = 200;

    /// <summary>The air conditioner counts as running while its circuit draws at least this.</summary>
    [Range(1.0, 10_000.0)]
    public double AirconRunningWatts { get; set; } = 100;

    /// <summary>climate.aircon_ineffective: the air conditioner has run this long without the cabin cooling.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "06:00:00")]
    public TimeSpan AirconWindow { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>The cabin must have cooled at least this much since the air conditioner started.</summary>
    [Range(0.1, 10.0)]
    public double AirconMinDrop { get; set; } = 1;

    /// <summary>Below this the cabin is comfortable, so an air conditioner holding it steady is not ineffective.</summary>
    [Range(15.0, 40.0)]
    public double AirconComfortCelsius { get; set; } = 28;

    /// <summary>Readings below this are a sensor fault (implausible), not weather.</summary>
    [Range(-60.0, 0.0)]
    public double MinPlausibleCelsius { get; set; } = -40;

    /// <summary>Readings above this are a sensor fault (implausible), not weather.</summary>
    [Range(40.0, 130.0)]
    public double MaxPlausibleCelsius { get; set; } = 85;

    /// <summary>The kernel's thermal zone of the board's CPU, in millidegrees Celsius; empty: no CPU temperature.</summary>
    public string CpuTemperaturePath { get; set; } = "/sys/class/thermal/thermal_zone0/temp";

    /// <summary>The diag climate check warns when the CPU is at or above this (a Raspberry Pi throttles at 80-85 °C).</summary>
    [Range(40.0, 110.0)]
    public double CpuWarnCelsius { get; set; } = 75;
}
