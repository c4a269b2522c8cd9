namespace Kiosk.Edge.Climate;

/// <summary>The board's CPU temperature in degrees Celsius; null where the board does not tell.</summary>
internal abstract class CpuThermometer
{
    public abstract double? ReadCelsius();
}
