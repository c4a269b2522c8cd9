namespace Kiosk.Edge.Climate;

/// <summary>One sensor's answer: degrees Celsius, percent relative humidity, CO2 in ppm; null where the sensor has no such channel.</summary>
internal readonly record struct ClimateReading(double? Celsius, double? Humidity, double? Co2Ppm = null);
