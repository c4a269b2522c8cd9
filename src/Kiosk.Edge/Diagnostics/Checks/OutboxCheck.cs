using Kiosk.Edge.Events;
using Microsoft.Extensions.Options;

namespace Kiosk.Edge.Diagnostics.Checks;

/// <summary><c>outbox</c>: events waiting for the broker, and any dropped past the offline bound.</summary>
internal sealed class OutboxCheck(EventJournal journal, IOptions<DiagnosticsOptions> options) : DiagnosticCheck
{
    public override string Name => "outbox";

    public override string Category => "storage";

    public override ValueTask<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var pending = journal.PendingCount;
        var dropped = journal.DroppedCount;
        var detail = $"{pending} events waiting to be published, {dropped} dropped";
        if (dropped > 0)
        {
            return ValueTask.FromResult(CheckResult.Warn(
                detail,
                "events were lost while the kiosk was offline longer than the outbox holds (Events:MaxPendingEvents/MaxPendingBytes): fix the broker link (see the broker check); the count stays as a record"));
        }

        if (pending > options.Value.OutboxWarnPending)
        {
            return ValueTask.FromResult(CheckResult.Warn(
                detail,
                "the broker has not taken events for a while: check the broker check and the network"));
        }

        return ValueTask.FromResult(CheckResult.Pass(detail));
    }
}
