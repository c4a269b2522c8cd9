using System.Text;
using System.Text.Json.Nodes;

namespace Kiosk.Edge.Control;

/// <summary>One kioskctl connection: who is calling, and a way to stream lines back.</summary>
internal sealed class ControlSession(Stream stream, int? peerUid)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>The caller's uid from SO_PEERCRED (null where unknown); 0 is local root.</summary>
    public int? PeerUid { get; } = peerUid;

    public bool IsRoot => PeerUid == 0;

    public async ValueTask WriteAsync(JsonNode line, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(line.ToJsonString()), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
