namespace Kiosk.Edge.Power;

/// <summary>A meter whose hardware could not even be opened at start (no I2C adapter): every read is a no_answer fault.</summary>
internal sealed class UnavailableMeter(string reason) : PowerMeter
{
    public override MeterReading Read() => throw new PowerMeterException(MeterFault.NoAnswer, reason);
}
