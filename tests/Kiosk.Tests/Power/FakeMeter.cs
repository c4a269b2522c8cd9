using Kiosk.Edge.Power;

namespace Kiosk.Tests.Power;

/// <summary>
/// A meter a test sets directly. Like a real meter behind a relay it reads 0 W while the relay is
/// off, and (unless <see cref="Exact"/>) it wobbles by a milliwatt, as real readings do, so a steady
/// load is not mistaken for a frozen sensor.
/// </summary>
internal sealed class FakeMeter : PowerMeter
{
    private int _reads;
    private int _allReads;

    public double Watts { get; set; }

    public double? WattHours { get; set; }

    public Exception? Failure { get; set; }

    public bool Exact { get; set; }

    public Func<bool> Fed { get; set; } = () => true;

    public bool Continuous { get; set; } = true;

    public override bool ReportsContinuously => Continuous;

    /// <summary>How many times the guard read this meter (the guard's loop reads it on another thread).</summary>
    public int Reads => Volatile.Read(ref _allReads);

    /// <summary>Whether <see cref="PowerMeter.Dispose()"/> ran the disposing path.</summary>
    public bool Disposed { get; private set; }

    public override MeterReading Read()
    {
        Interlocked.Increment(ref _allReads);
        if (Failure is not null)
        {
            throw Failure;
        }

        var wobble = Exact || Watts == 0 ? 0 : (_reads++ % 2 == 0 ? 0.001 : -0.001);
        return new MeterReading(Fed() ? Watts + wobble : 0, WattHours);
    }

    protected override void Dispose(bool disposing) => Disposed = disposing;
}
