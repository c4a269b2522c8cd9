using Kiosk.Edge.Access;

namespace Kiosk.Edge.Hardware;

/// <summary>One scanned text in the <see cref="ScanQueue"/>; <paramref name="Decided"/> gets its decision when someone waits for it.</summary>
internal sealed record ScanRequest(string Text, TaskCompletionSource<AccessDecision?>? Decided);
