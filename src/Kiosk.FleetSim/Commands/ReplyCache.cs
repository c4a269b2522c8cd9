namespace Kiosk.FleetSim.Commands;

/// <summary>The last replies by request id: a resent request gets the stored reply, byte for byte (contract section 3).</summary>
internal sealed class ReplyCache(int capacity = 256)
{
    private readonly Dictionary<string, byte[]> _replies = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public byte[]? Find(string requestId) => _replies.GetValueOrDefault(requestId);

    public void Save(string requestId, byte[] reply)
    {
        if (!_replies.TryAdd(requestId, reply))
        {
            return;
        }

        _order.Enqueue(requestId);
        if (_order.Count > capacity)
        {
            _replies.Remove(_order.Dequeue());
        }
    }
}
