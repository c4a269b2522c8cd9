using Kiosk.Edge.Doors;
using Kiosk.Edge.Hardware;
using Microsoft.Extensions.Hosting;

namespace Kiosk.Edge.Access;

/// <summary>
/// Takes each text the QR scanner read and decides on it, one at a time, in the order scanned.
/// Needs no network: the decision uses only the trust store and local state.
/// </summary>
internal sealed class ScanProcessor(ScanQueue scans, AccessDecider decider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var scan in scans.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            scan.Decided?.TrySetResult(Step(scan.Text));
        }
    }

    /// <summary>One scan: extract the token (bare or in a URL's t=) and decide.</summary>
    internal AccessDecision Step(string scanned) => decider.DecideScanned(scanned, DoorVia.Scan);
}
