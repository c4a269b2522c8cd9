using Kiosk.Edge.Power;
using Microsoft.Extensions.Logging.Testing;

namespace Kiosk.Tests.Power;

public sealed class MeterSamplerTests : IDisposable
{
    private readonly CircuitBench _bench = new();
    private readonly FakeLogger _logger = new();
    private readonly MeterSampler _sampler;

    public MeterSamplerTests() => _sampler = new MeterSampler(_logger);

    [Fact]
    public void TryRead_MeterAnswers_TheReading()
    {
        var c = _bench.Add("a");
        var meter = (FakeMeter)c.Meter;
        meter.Watts = 42;
        meter.WattHours = 3;
        meter.Exact = true;
        Assert.Null(_sampler.TryRead(c, out var reading));
        Assert.Equal(new MeterReading(42, 3), reading);
    }

    [Fact]
    public void TryRead_MeterException_ItsFaultLoggedOncePerEpisode()
    {
        var c = _bench.Add("a");
        ((FakeMeter)c.Meter).Failure = new PowerMeterException(MeterFault.WrongDevice, "id 0x1234");
        Assert.Equal(MeterFault.WrongDevice, _sampler.TryRead(c, out _));
        c.Fault = MeterFault.WrongDevice;
        Assert.Equal(MeterFault.WrongDevice, _sampler.TryRead(c, out _));
        var log = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal("Meter m-a of circuit a failed: id 0x1234", log.Message);
    }

    [Theory]
    [InlineData(typeof(IOException))]
    [InlineData(typeof(TimeoutException))]
    [InlineData(typeof(UnauthorizedAccessException))]
    [InlineData(typeof(InvalidOperationException))]
    public void TryRead_BusErrorEscapingTheDriver_NoAnswer(Type error)
    {
        var c = _bench.Add("a");
        ((FakeMeter)c.Meter).Failure = (Exception)Activator.CreateInstance(error, "bus")!;
        Assert.Equal(MeterFault.NoAnswer, _sampler.TryRead(c, out _));
        Assert.Single(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public void TryRead_ProgrammingError_NotHidden()
    {
        var c = _bench.Add("a");
        ((FakeMeter)c.Meter).Failure = new ArgumentException("bug");
        Assert.Throws<ArgumentException>(() => _sampler.TryRead(c, out _));
    }

    public void Dispose() => _bench.Dispose();
}
