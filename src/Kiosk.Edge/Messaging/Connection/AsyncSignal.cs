namespace Kiosk.Edge.Messaging.Connection;

/// <summary>An auto-reset wake-up: pulses while nobody waits are remembered once.</summary>
internal sealed class AsyncSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Pulse()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already pulsed and not yet consumed: one wake-up covers both.
        }
    }

    /// <summary>Waits for a pulse or the timeout; returns true when pulsed.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_semaphore.Wait(0, CancellationToken.None))
        {
            return true;
        }

        if (timeout == Timeout.InfiniteTimeSpan)
        {
            await _semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, cts.Token);
        var pulse = _semaphore.WaitAsync(cts.Token);
        await Task.WhenAny(delay, pulse).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        try
        {
            await pulse.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
    }
}
