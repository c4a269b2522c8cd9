using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

public sealed class PowerMeterExceptionTests
{
    [Fact]
    public void Constructor_NoArguments_NoAnswerWithAGenericMessage()
    {
        var e = new PowerMeterException();

        Assert.Equal(MeterFault.NoAnswer, e.Fault);
        Assert.Equal("meter fault", e.Message);
    }

    [Fact]
    public void Constructor_MessageAndInner_NoAnswerKeepingBoth()
    {
        var inner = new IOException("NACK");

        var e = new PowerMeterException("INA219 at 0x40", inner);

        Assert.Equal((MeterFault.NoAnswer, "INA219 at 0x40", (Exception?)inner), (e.Fault, e.Message, e.InnerException));
        Assert.Equal(MeterFault.NoAnswer, new PowerMeterException("gone").Fault);
    }

    [Fact]
    public void Constructor_Fault_Kept() =>
        Assert.Equal(MeterFault.Overflow, new PowerMeterException(MeterFault.Overflow, "OVF").Fault);
}
