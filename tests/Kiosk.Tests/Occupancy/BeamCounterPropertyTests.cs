using CsCheck;
using Kiosk.Edge.Occupancy;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Occupancy;

public sealed class BeamCounterPropertyTests
{
    // Each step: bit 0 = beam (A/B), bit 1 = blocked.
    private static readonly Gen<int[]> Steps = Gen.Int[0, 3].Array[0, 40];

    private static List<BeamCrossing> Run(IEnumerable<int> steps, bool mirrored = false)
    {
        var counter = new BeamCounter(TimeSpan.FromSeconds(10), new FakeTimeProvider());
        var crossings = new List<BeamCrossing>();
        foreach (var step in steps)
        {
            var beam = ((step & 1) == 0) != mirrored ? Beam.A : Beam.B;
            if (counter.Update(beam, (step & 2) != 0) is { } c)
            {
                crossings.Add(c);
            }
        }

        return crossings;
    }

    [Fact]
    public void Update_AnySequence_MirroredBeamsMirrorTheDirection() =>
        Steps.Sample(steps =>
        {
            var straight = Run(steps);
            var mirrored = Run(steps, mirrored: true);
            return straight.Select(c => c == BeamCrossing.In ? BeamCrossing.Out : BeamCrossing.In).SequenceEqual(mirrored);
        });

    [Fact]
    public void Update_OneBeamOnly_NeverCounts() =>
        Steps.Sample(steps => Run(steps.Select(s => s & 2)).Count == 0);

    [Fact]
    public void Update_AnySequence_AtMostOneCrossingPerReturnToIdle() =>
        Steps.Sample(steps =>
        {
            // Every counted crossing needs both beams to have been blocked and released: at least four changes.
            var changes = 0;
            bool a = false, b = false;
            foreach (var s in steps)
            {
                ref var beam = ref (s & 1) == 0 ? ref a : ref b;
                if (beam != ((s & 2) != 0))
                {
                    beam = !beam;
                    changes++;
                }
            }

            return Run(steps).Count * 4 <= changes;
        });
}
