namespace Kiosk.Edge.Climate;

/// <summary>A sensor gave no usable reading; <see cref="Fault"/> says why.</summary>
internal sealed class ClimateSensorException(ClimateFault fault, string message, Exception? inner = null) : Exception(message, inner)
{
    public ClimateFault Fault { get; } = fault;
}
