using Microsoft.Extensions.Logging;

namespace Kiosk.Edge.Power;

/// <summary>
/// Reads one circuit's meter. A driver error is a <see cref="MeterFault"/>, never an exception that
/// stops protection: <see cref="PowerMeterException"/> carries its fault, and a bus error a driver let
/// escape (I/O, timeout, access, a closed device) is <see cref="MeterFault.NoAnswer"/>.
/// </summary>
internal sealed partial class MeterSampler(ILogger logger)
{
    /// <summary>Reads <paramref name="c"/>'s meter; null and the reading, or the fault (logged once per fault episode).</summary>
    public MeterFault? TryRead(Circuit c, out MeterReading reading)
    {
        reading = default;
        try
        {
            reading = c.Meter.Read();
            return null;
        }
        catch (PowerMeterException e)
        {
            LogOnce(c, e.Message);
            return e.Fault;
        }
        catch (Exception e) when (e is IOException or TimeoutException or UnauthorizedAccessException or InvalidOperationException)
        {
            // A driver that lets a bus error escape is still a meter that did not answer.
            LogOnce(c, e.Message);
            return MeterFault.NoAnswer;
        }
    }

    private void LogOnce(Circuit c, string reason)
    {
        if (c.Fault is null)
        {
            LogMeterFailed(c.Id, c.MeterName, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meter {Meter} of circuit {Circuit} failed: {Reason}")]
    private partial void LogMeterFailed(string circuit, string meter, string reason);
}
