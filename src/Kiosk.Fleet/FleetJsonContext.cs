using System.Text.Json;
using System.Text.Json.Serialization;
using Kiosk.Fleet.Commands;

namespace Kiosk.Fleet;

/// <summary>Source-generated JSON for what the service writes itself (camelCase, as the contracts spell it).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CommandEnvelope))]
[JsonSerializable(typeof(RevokeArguments))]
internal sealed partial class FleetJsonContext : JsonSerializerContext;
