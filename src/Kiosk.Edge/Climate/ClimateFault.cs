namespace Kiosk.Edge.Climate;

/// <summary>Why a climate sensor gave no usable reading.</summary>
internal enum ClimateFault
{
    /// <summary>The chip did not acknowledge on the bus (unplugged, wrong address, dead).</summary>
    NoAnswer,

    /// <summary>The chip answered but a CRC-8 check of its data failed (noise, a long cable).</summary>
    CrcError,

    /// <summary>The value is outside what the cabin can physically have (a broken sensing element).</summary>
    Implausible,
}

internal static class ClimateFaults
{
    /// <summary>The wire name in events and state.</summary>
    public static string ToContract(this ClimateFault fault) => fault switch
    {
        ClimateFault.NoAnswer => "no_answer",
        ClimateFault.CrcError => "crc_error",
        ClimateFault.Implausible => "implausible",
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };
}
