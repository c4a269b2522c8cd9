using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware.Scanner;

namespace Kiosk.Edge.Hardware.Simulation;

/// <summary>
/// <c>sim.scan</c> {text}: the simulated QR scanner reads <c>text</c> (a pass or a URL carrying one);
/// the answer is the decision a person at the door gets, once the access decision ran on it in turn:
/// <c>{"granted":true,"door":"rest"}</c> or <c>{"granted":false,"reason":"expired"}</c> (with <c>door</c> when known).
/// </summary>
internal sealed class SimScanOperation(Board board, ScanQueue scans) : ControlOperation
{
    public override string Name => "sim.scan";

    public override async ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
    {
        if (board.Simulation is null)
        {
            throw new ControlException("sim.scan works only on the simulated board (Board:Kind Simulated); this kiosk reads its real scanner");
        }

        var node = args["text"];
        if (node is null || node.GetValueKind() != JsonValueKind.String || node.GetValue<string>().Length == 0)
        {
            throw new ControlException("text must be a non-empty string (the scanned pass)");
        }

        var text = node.GetValue<string>();
        if (Encoding.UTF8.GetByteCount(text) > ScanLineReader.DefaultMaxLineBytes)
        {
            // The same limit the serial scanner applies to a line.
            throw new ControlException($"text is longer than a scanner line ({ScanLineReader.DefaultMaxLineBytes} bytes)");
        }

        if (text.Contains('\r', StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal))
        {
            throw new ControlException("text must be one line: a scanner ends a scan at CR or LF");
        }

        var decision = await scans.SubmitAsync(text).WaitAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new ControlException("the scan was dropped unread: more than 16 scans were waiting for a decision");
        var result = new JsonObject { ["granted"] = decision.Granted };
        if (decision.Door is not null)
        {
            result["door"] = decision.Door;
        }

        if (decision.Reason is not null)
        {
            result["reason"] = decision.Reason;
        }

        return result;
    }
}
