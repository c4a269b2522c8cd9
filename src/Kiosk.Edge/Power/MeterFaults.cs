namespace Kiosk.Edge.Power;

/// <summary>The contract spelling of meter faults.</summary>
public static class MeterFaults
{
    public static string ToContract(this MeterFault fault) => fault switch
    {
        MeterFault.NoAnswer => "no_answer",
        MeterFault.OutOfRange => "out_of_range",
        MeterFault.Frozen => "frozen",
        MeterFault.Overflow => "overflow",
        MeterFault.WrongDevice => "wrong_device",
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };
}
