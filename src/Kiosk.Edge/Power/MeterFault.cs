namespace Kiosk.Edge.Power;

/// <summary>Why a meter's reading cannot be trusted; the contract's <c>fault</c> value is <see cref="MeterFaults.ToContract"/>.</summary>
public enum MeterFault
{
    /// <summary>The meter did not answer (I2C NACK, I/O error, timeout).</summary>
    NoAnswer,

    /// <summary>The reading is impossible: negative beyond noise, or above the meter's configured maximum.</summary>
    OutOfRange,

    /// <summary>The same non-zero value for too long while the relay is on: a stuck sensor.</summary>
    Frozen,

    /// <summary>The chip reported an arithmetic overflow (INA OVF flag): the current exceeds its range.</summary>
    Overflow,

    /// <summary>A different chip answers at the meter's address (INA226 manufacturer/die id mismatch).</summary>
    WrongDevice,
}
