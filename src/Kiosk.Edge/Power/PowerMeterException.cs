namespace Kiosk.Edge.Power;

/// <summary>A meter could not produce a trustworthy reading; <see cref="Fault"/> says why.</summary>
public sealed class PowerMeterException : Exception
{
    public PowerMeterException()
        : this(MeterFault.NoAnswer, "meter fault")
    {
    }

    public PowerMeterException(string message)
        : this(MeterFault.NoAnswer, message)
    {
    }

    public PowerMeterException(string message, Exception innerException)
        : this(MeterFault.NoAnswer, message, innerException)
    {
    }

    public PowerMeterException(MeterFault fault, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Fault = fault;
    }

    public MeterFault Fault { get; }
}
