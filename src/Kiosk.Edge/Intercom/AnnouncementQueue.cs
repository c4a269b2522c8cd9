namespace Kiosk.Edge.Intercom;

/// <summary>Announcements waiting to play: urgent before info, first come first served within a priority; bounded.</summary>
internal sealed class AnnouncementQueue(int capacity, IntercomStatus status)
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<Announcement, (int Rank, long Seq)> _queue = new();
    private readonly SemaphoreSlim _available = new(0);
    private long _seq;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Queues an announcement; returns its 1-based position (1 = next to play) or null when the queue is full.</summary>
    public int? TryEnqueue(Announcement announcement)
    {
        int position;
        int count;
        lock (_gate)
        {
            if (_queue.Count >= capacity)
            {
                return null;
            }

            var rank = Rank(announcement.Priority);
            position = 1 + _queue.UnorderedItems.Count(i => i.Priority.Rank <= rank);
            _queue.Enqueue(announcement, (rank, _seq++));
            count = _queue.Count;
        }

        _available.Release();
        status.SetQueueLength(count);
        return position;
    }

    public async Task<Announcement> DequeueAsync(CancellationToken cancellationToken)
    {
        await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        Announcement next;
        int count;
        lock (_gate)
        {
            next = _queue.Dequeue();
            count = _queue.Count;
        }

        status.SetQueueLength(count);
        return next;
    }

    private static int Rank(AnnouncementPriority priority) => priority == AnnouncementPriority.Urgent ? 0 : 1;
}
