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
            if (!scans.Reader.TryPeek(out _))
            {
                CollectScanGarbage();
            }
        }
    }

    /// <summary>One scan: extract the token (bare or in a URL's t=) and decide.</summary>
    internal AccessDecision Step(string scanned) => decider.DecideScanned(scanned, DoorVia.Scan);

    /// <summary>
    /// Collects the youngest generation once the scans waiting are decided, while the door is already moving.
    /// A scan allocates (the token's claims, the event, its MQTT message), and the allocation that exhausts the
    /// 1 MB gen0 budget (Kiosk.Edge.csproj) stops every thread for a gen0 collection, about 1 ms on the x64 build
    /// machine: measured, the scans that paid for one were the slowest 1 % (docs/deployment.md, "Scan to relay").
    /// Collected here, the next scan starts on an empty budget. It costs one gen0 collection per burst of scans.
    /// </summary>
    internal static void CollectScanGarbage() => GC.Collect(0, GCCollectionMode.Forced, blocking: true);
}
