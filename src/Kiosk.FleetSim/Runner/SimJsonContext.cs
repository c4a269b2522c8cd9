using System.Text.Json.Serialization;

namespace Kiosk.FleetSim.Runner;

/// <summary>Source-generated JSON for the stats file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SimStats))]
internal sealed partial class SimJsonContext : JsonSerializerContext;
