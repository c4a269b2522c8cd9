using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Edge.Control;
using Kiosk.Edge.Hardware.Scanner;

namespace Kiosk.Edge.Hardware.Simulation;

/// <summary><c>sim.scan</c> {text}: the simulated QR scanner reads <c>text</c> (a pass or a URL carrying one).</summary>
internal sealed class SimScanOperation(Board board, ScanQueue scans) : ControlOperation
{
    public override string Name => "sim.scan";

    public override ValueTask<JsonNode?> ExecuteAsync(JsonObject args, ControlSession session, CancellationToken cancellationToken)
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

        scans.TryWrite(text);
        return ValueTask.FromResult<JsonNode?>(new JsonObject { ["queued"] = true });
    }
}
