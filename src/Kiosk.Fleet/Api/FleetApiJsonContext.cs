using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiosk.Fleet.Api;

/// <summary>Source-generated JSON for the HTTP API (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(KioskSummary))]
[JsonSerializable(typeof(List<KioskSummary>))]
[JsonSerializable(typeof(KioskDetail))]
[JsonSerializable(typeof(TelemetrySeries))]
[JsonSerializable(typeof(CommandReplyDto))]
[JsonSerializable(typeof(BulkCommandRequest))]
[JsonSerializable(typeof(BulkCommandResponse))]
[JsonSerializable(typeof(AlarmDto))]
[JsonSerializable(typeof(List<AlarmDto>))]
[JsonSerializable(typeof(WorkerLoginRequest))]
[JsonSerializable(typeof(WorkerLoginPending))]
[JsonSerializable(typeof(OpenRequest))]
[JsonSerializable(typeof(PassResponse))]
[JsonSerializable(typeof(DisableWorkerResponse))]
[JsonSerializable(typeof(List<VisitsRow>))]
[JsonSerializable(typeof(List<AttendanceRow>))]
[JsonSerializable(typeof(List<StationEvaluation>))]
[JsonSerializable(typeof(List<System.Text.Json.Nodes.JsonNode>))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class FleetApiJsonContext : JsonSerializerContext;
