using System.Collections.Concurrent;

namespace Kiosk.Fleet.Commands;

/// <summary>Commands of this instance waiting for their reply, by request id (the last level of the response topic).</summary>
internal sealed class PendingReplies
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<byte[]>> _waiting = new(StringComparer.Ordinal);

    public Task<byte[]> Register(string requestId)
    {
        var source = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[requestId] = source;
        return source.Task;
    }

    public void Forget(string requestId) => _waiting.TryRemove(requestId, out _);

    /// <summary>Called from the receive path with a reply; a reply nobody waits for (late, or a resend) is dropped.</summary>
    public void Complete(string topic, byte[] payload)
    {
        var requestId = topic[(topic.LastIndexOf('/') + 1)..];
        if (_waiting.TryRemove(requestId, out var source))
        {
            source.TrySetResult(payload);
        }
    }
}
