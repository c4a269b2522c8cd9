using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class MeterFaultsTests
{
    [Theory]
    [InlineData(MeterFault.NoAnswer, "no_answer")]
    [InlineData(MeterFault.OutOfRange, "out_of_range")]
    [InlineData(MeterFault.Frozen, "frozen")]
    [InlineData(MeterFault.Overflow, "overflow")]
    [InlineData(MeterFault.WrongDevice, "wrong_device")]
    public void ToContract_EveryFault_TheContractSpelling(MeterFault fault, string expected) =>
        Assert.Equal(expected, fault.ToContract());

    [Fact]
    public void ToContract_UndefinedValue_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((MeterFault)99).ToContract());
}
