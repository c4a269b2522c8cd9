using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Occupancy;

/// <summary>
/// The cabins' beam pairs and presence inputs on the board, wired to the estimator. Built once in
/// composition from <see cref="Board"/>; a cabin without a sensor simply has no input here.
/// </summary>
internal sealed class OccupancySensors : IDisposable
{
    private readonly List<SensorInput> _inputs = [];

    public OccupancySensors(Board board, OccupancyOptions options, OccupancyEstimator estimator, TimeProvider time)
    {
        foreach (var (id, cabin) in options.Cabins)
        {
            if (cabin.BeamAPin is { } aPin && cabin.BeamBPin is { } bPin)
            {
                var counter = new BeamCounter(options.CrossingTimeout, time);
                var gate = new Lock();
                var biasKey = $"Occupancy:Cabins:{id}:BeamBias";
                var a = Add(new SensorInput(board, aPin, cabin.BeamActiveLevel, cabin.BeamBias, biasKey, time));
                var b = Add(new SensorInput(board, bPin, cabin.BeamActiveLevel, cabin.BeamBias, biasKey, time));
                void OnBeam(Beam beam, bool blocked)
                {
                    BeamCrossing? crossing;
                    lock (gate)
                    {
                        crossing = counter.Update(beam, blocked);
                    }

                    estimator.BeamActivity(id);
                    if (crossing is { } c)
                    {
                        estimator.BeamCrossed(id, c);
                    }
                }

                a.Changed += blocked => OnBeam(Beam.A, blocked);
                b.Changed += blocked => OnBeam(Beam.B, blocked);
            }

            if (cabin.PresencePin is { } pPin)
            {
                var presence = Add(new SensorInput(board, pPin, cabin.PresenceActiveLevel, cabin.PresenceBias, $"Occupancy:Cabins:{id}:PresenceBias", time));
                presence.Changed += present => estimator.PresenceChanged(id, present);
                if (presence.IsActive)
                {
                    estimator.PresenceChanged(id, true);
                }
            }
        }
    }

    public void Dispose()
    {
        foreach (var input in _inputs)
        {
            input.Dispose();
        }
    }

    private SensorInput Add(SensorInput input)
    {
        _inputs.Add(input);
        return input;
    }
}
