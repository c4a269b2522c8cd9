using System.Reflection;
using System.Text.Json.Nodes;
using Kiosk.Edge.Configuration;
using Kiosk.Edge.Events;
using Kiosk.Edge.State;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Control;

/// <summary><c>kioskctl status</c>: identity and the full current state.</summary>
internal sealed class StatusOperation(IOptions<KioskOptions> kiosk, StateBoard state, EventJournal journal, TimeProvider time) : ControlOperation
{
    public static readonly string Version =
        typeof(StatusOperation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public override string Name => "status";

    public override ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        var result = new JsonObject
        {
            ["id"] = kiosk.Value.Id,
            ["ts"] = KioskEvent.FormatTimestamp(time.GetUtcNow()),
            ["version"] = Version,
            ["boot"] = journal.Boot,
            ["events"] = new JsonObject
            {
                ["lastSeq"] = journal.LastSeq,
                ["pending"] = journal.PendingCount,
                ["dropped"] = journal.DroppedCount,
            },
            ["state"] = state.Snapshot(),
        };
        return ValueTask.FromResult<JsonNode?>(result);
    }
}
