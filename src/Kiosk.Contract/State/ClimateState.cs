namespace Kiosk.Contract.State;

/// <summary>The <c>climate</c> state section (docs/climate.md).</summary>
/// <param name="Cabins">Cabin id → its air.</param>
/// <param name="Cpu">The board's CPU.</param>
public sealed record ClimateState(IReadOnlyDictionary<string, CabinClimateState> Cabins, CpuState Cpu);
